/**
 * How views hand points to each other: event-broker topics and a drag-and-drop format. A view
 * depends on this small package, never on another view's bundle.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.ui.workbench.points;
