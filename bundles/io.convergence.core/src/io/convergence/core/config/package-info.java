/**
 * Configuration files: JSON files that describe connector, model and historian instances, checked
 * against the MetaType description of each configuration and applied to ConfigurationAdmin.
 *
 * <p>A file is one JSON object whose keys are configuration PIDs. An object value configures a
 * singleton; an array value configures instances of a factory, each with an {@code id}:
 *
 * <pre>
 * {
 *   "io.convergence.historian.duckdb": { "dataDir": "/var/lib/convergence" },
 *   "io.convergence.connector.opcua": [
 *     { "id": "line1", "endpoint": "opc.tcp://10.0.0.5:4840" }
 *   ]
 * }
 * </pre>
 *
 * Internal to the product; not part of the published API.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.core.config;
