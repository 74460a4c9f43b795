/**
 * The Downtime view's widgets: the two Pareto charts, the stop list and the dialogs that set a
 * stop's reason or split it, rendering {@link io.convergence.ui.downtime.internal.model.DowntimePage}.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.downtime.internal;
