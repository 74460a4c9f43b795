/**
 * The simulated plant: an embedded OPC UA server publishing a packaging line, the product's
 * default data source. The product's own fixture, exported with a version for the demo, the test
 * support and tools that start a plant; not part of the partners' API.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.sim.plant;
