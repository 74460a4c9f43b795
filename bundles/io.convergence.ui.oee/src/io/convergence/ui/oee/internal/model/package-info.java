/**
 * What the OEE view shows, without SWT: a snapshot read from the OEE service off the UI thread,
 * tiles with their grades, the bars of the last shifts and the steps of the loss waterfall.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.oee.internal.model;
