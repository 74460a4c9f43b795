/**
 * What the Trend view shows, without SWT: pens and their axes by unit, the time window and live
 * following, min/max-per-pixel decimation, the live tail, time ticks, CSV and persisted state.
 * Everything here is tested without a display.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.trend.internal.model;
