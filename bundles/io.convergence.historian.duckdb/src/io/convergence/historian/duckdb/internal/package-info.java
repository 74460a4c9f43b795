/**
 * The embedded historian's insides: opening the DuckDB file, the schema, the writer, queries,
 * retention and the DS component. Not API.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.historian.duckdb.internal;
