/**
 * A cache of native libraries that third-party bundles unpack from their jars at every start (DuckDB's
 * 72 MB library): unpacked once per content, reused by every later start. Exported only so that the
 * woven library code can reach it. Not API.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.runtime.nativecache;
