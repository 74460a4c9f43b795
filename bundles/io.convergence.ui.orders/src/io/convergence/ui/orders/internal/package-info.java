/**
 * The Orders view's widgets: the order table with progress bars, and the handoff of an order's
 * time window to a trend, rendering {@link io.convergence.ui.orders.internal.model.OrdersPage}.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.orders.internal;
