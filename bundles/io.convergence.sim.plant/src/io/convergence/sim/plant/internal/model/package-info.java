/**
 * The plant's behaviour without any OPC UA: machines with a state machine, counters, bearing
 * wear and faults, and generic sensors. Plain Java, stepped one tick at a time, deterministic from
 * a seed, so it is tested without a server (by the tests, a fragment of this bundle). Not API;
 * exported only to the simulated ERP as a friend, because the ERP's orders are the plan this line
 * runs and its stops the line's own (one simulated plant in two bundles, ADR 15).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.sim.plant.internal.model;
