/**
 * What the Orders view shows, without SWT: orders with their OEE, cost and forecast read off the UI
 * thread, and each order's row: progress, lateness, the time window a trend shows.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.orders.internal.model;
