/**
 * The historian contract: durable storage of samples and the queries views and analytics need.
 *
 * <p>A {@link io.convergence.api.historian.Historian} is a service; the product ships an embedded one
 * and may ship server-backed ones. Appends are batched and durable when they return; range queries
 * return per-bucket aggregates so that a trend of ten million samples reads a few thousand rows.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.historian;
