/** The workbench shell: window, menus, perspectives, Show View, preferences. Views come from other bundles. */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.workbench.internal;
