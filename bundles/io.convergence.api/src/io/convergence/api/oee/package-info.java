/**
 * Overall equipment effectiveness (OEE), downtime and their cost, as the OEE model computes them and
 * views, reports and other models read them.
 *
 * <p>The OEE model registers one {@link io.convergence.api.oee.OeeService}. It holds, per line, the
 * figures of every closed and current period ({@link io.convergence.api.oee.OeeFigures}: a shift, a
 * production order, an hour) and every stop ({@link io.convergence.api.oee.Stop}); an operator
 * corrects a stop's reason or splits a stop through it, and the periods the correction touches are
 * computed again.
 *
 * <p>Fractions are between 0 and 1 (performance may pass 1 when the ideal cycle time is set too
 * long: it is reported as computed, not clipped). Durations are in seconds, counts in units, money in
 * the currency each record names.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.oee;
