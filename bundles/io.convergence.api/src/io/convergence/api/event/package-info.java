/**
 * Events: connection changes, alarms and other things that happen at a time, as opposed to the
 * continuous values carried by samples.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.event;
