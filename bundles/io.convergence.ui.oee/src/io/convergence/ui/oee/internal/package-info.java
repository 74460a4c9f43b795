/**
 * The OEE view's widgets: big figures with a colour hint, the chart of the last shifts and the loss
 * waterfall, rendering {@link io.convergence.ui.oee.internal.model.OeePage}.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.oee.internal;
