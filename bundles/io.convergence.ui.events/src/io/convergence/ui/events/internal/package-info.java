/** The Events view: connection changes and alarms, newest first, filtered and acknowledged. */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.events.internal;
