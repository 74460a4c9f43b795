/**
 * The plant's behaviour without any OPC UA: machines with a state machine, counters, bearing
 * wear and faults, and generic sensors. Plain Java, stepped one tick at a time, deterministic from
 * a seed, so it is tested without a server. Not API; exported only to the test bundle.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.sim.plant.internal.model;
