/**
 * The Live Values view: chosen points with their latest value. The bus listener only stores the
 * latest sample per point ({@link io.convergence.ui.live.internal.LiveValuesModel}); the view
 * redraws at screen pace, only the rows whose text changed.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.live.internal;
