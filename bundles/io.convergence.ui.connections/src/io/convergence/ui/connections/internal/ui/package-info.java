/**
 * The Connections view's SWT: the part, the connection editor generated from MetaType, and the
 * certificate dialog. They only render models of {@code io.convergence.ui.connections.internal}
 * and run that package's blocking work in background jobs.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.connections.internal.ui;
