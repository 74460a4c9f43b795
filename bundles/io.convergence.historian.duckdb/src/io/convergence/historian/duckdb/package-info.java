/**
 * The embedded historian's storage, usable without OSGi: {@link
 * io.convergence.historian.duckdb.DuckDbHistorianStore#open DuckDbHistorianStore.open} a data folder,
 * read-write, or read-only beside a process that records into it. Published for tools, scripts and
 * tests that work on a data folder while no product runs (inspection, export, repair, fixtures), and
 * for what only this backend has (its rejected samples). Bundles of a running product use the
 * {@link io.convergence.api.historian.Historian} service, whatever the backend.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.historian.duckdb;
