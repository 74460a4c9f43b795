/**
 * Where the Trend view's data comes from, without SWT: the historian read in background jobs, the
 * sample bus feeding live tails, CSV export, and the controller that decides when to read again.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.trend.internal.data;
