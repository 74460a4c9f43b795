/**
 * How views hand points to each other: views that take points declare it in their part
 * descriptors, and get the points on an event-broker topic of their own; dragged points are text.
 * A view depends on this small package, never on another view's bundle.
 */
@org.osgi.annotation.versioning.Version("2.1.0")
@org.jspecify.annotations.NullMarked
package io.convergence.ui.workbench.points;
