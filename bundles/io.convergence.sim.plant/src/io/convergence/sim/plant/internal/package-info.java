/**
 * The simulated plant's OPC UA server: the DS component, the Milo server with its certificate
 * and users, and the namespace that publishes the {@link io.convergence.sim.plant.internal.model
 * model}'s values. Not API.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.sim.plant.internal;
