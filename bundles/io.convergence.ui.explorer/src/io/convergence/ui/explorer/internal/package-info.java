/**
 * The Plant Explorer: the plant's points as an ISA-95 tree, and each connection's address space
 * browsed on demand. Plain model classes ({@link io.convergence.ui.explorer.internal.ExplorerModel},
 * {@link io.convergence.ui.explorer.internal.LazyChildren}) hold the logic; the SWT part renders them.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.explorer.internal;
