/**
 * The simulated plant: an embedded OPC UA server publishing a packaging line, the product's
 * default data source. Internal to Convergence Workbench (tests and tools use it); not part of
 * the published API.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.sim.plant;
