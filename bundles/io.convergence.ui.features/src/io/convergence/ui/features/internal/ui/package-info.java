/**
 * The Features view's SWT: the part with the installed features, and the install, change, history
 * and trust dialogs. They render the models of {@code io.convergence.ui.features.internal} and run
 * every call of the feature service in a background job.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.features.internal.ui;
