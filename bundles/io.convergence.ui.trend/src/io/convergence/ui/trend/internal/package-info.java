/**
 * The Trend view's SWT side: the e4 part, the toolbar, the SWTChart adapter, the time axis, mouse
 * and key handling, dialogs and image export. The state and logic it renders live in
 * {@code model} and {@code data}.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.trend.internal;
