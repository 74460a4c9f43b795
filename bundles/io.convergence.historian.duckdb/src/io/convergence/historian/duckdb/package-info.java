/**
 * The embedded historian's storage, usable without OSGi: {@link
 * io.convergence.historian.duckdb.DuckDbHistorianStore#open DuckDbHistorianStore.open} a data folder,
 * read-write for the runtime or read-only for tools such as the {@code history} command line.
 * Not API: partners use the {@link io.convergence.api.historian.Historian} service.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.historian.duckdb;
