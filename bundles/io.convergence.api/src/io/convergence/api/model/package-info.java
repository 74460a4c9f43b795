/**
 * Analytics models: components that consume samples of the points they declare and publish derived
 * samples and events, run by the runtime's {@link io.convergence.api.model.ModelHost}.
 *
 * <p>A model is a service ({@link io.convergence.api.model.AnalyticsModel}); its logic and state are
 * a {@link io.convergence.api.model.ModelRun}, which the host feeds the same way live from the bus
 * and from history, checkpoints so that a restart resumes without counting anything twice, and
 * replays over a range when input data arrives late. See docs/adr for the design.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.model;
