/**
 * The OEE and downtime computation, free of OSGi and of the sample bus: a state machine over a
 * line's machine state, reason and counters ({@link io.convergence.analytics.oee.core.LineEngine}),
 * fed in time order, that closes shifts, hours and orders and reports their figures and the stops.
 * Its state is bytes ({@link io.convergence.analytics.oee.core.LineEngine#checkpoint()}), so a run
 * resumes exactly where another stood. Not API.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.analytics.oee.core;
