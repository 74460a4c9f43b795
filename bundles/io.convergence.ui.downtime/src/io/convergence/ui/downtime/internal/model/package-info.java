/**
 * What the Downtime view shows, without SWT: stops and costs read off the UI thread, the Pareto of
 * reasons by time and by cost, the rows of the stop list and the checks of a split.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.downtime.internal.model;
