/**
 * The connector contract: how a source of plant or business data (OPC UA, MQTT, Modbus, SQL, ...)
 * plugs into the runtime.
 *
 * <p>A connector is an OSGi service, usually a Declarative Services component created from a
 * ConfigurationAdmin factory configuration described by MetaType, so that the workbench can render
 * its settings without knowing it. It announces its points to the
 * {@link io.convergence.api.point.PointRegistry}, publishes samples to the
 * {@link io.convergence.api.bus.SampleBus}, reports its {@link io.convergence.api.connector.ConnectorState}
 * as events, and when the source allows it, lets users browse, read, write and call methods.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.connector;
