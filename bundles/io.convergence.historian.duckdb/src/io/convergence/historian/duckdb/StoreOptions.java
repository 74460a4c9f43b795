package io.convergence.historian.duckdb;

/**
 * How a {@link DuckDbHistorianStore} opens its data folder.
 *
 * @param readOnly open without writing anything: appends and retention are refused, and the folder
 *     must already hold a historian database. DuckDB lets several processes read a file only while
 *     none writes it, so a read-only open fails while a runtime holds the folder.
 * @param memoryLimitMb the most memory DuckDB may use for data and queries, in megabytes
 * @param threads the threads DuckDB may use for one query
 */
public record StoreOptions(boolean readOnly, int memoryLimitMb, int threads) {

    /** The defaults of the runtime's configuration: read-write, 512 MB, 2 threads. */
    public static final StoreOptions DEFAULTS = new StoreOptions(false, 512, 2);

    /**
     * @throws IllegalArgumentException if the memory limit is under 16 MB or threads under 1
     */
    public StoreOptions {
        if (memoryLimitMb < 16) {
            throw new IllegalArgumentException("memory limit of " + memoryLimitMb + " MB: at least 16 MB needed");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + ": at least 1 needed");
        }
    }

    /** The defaults, opened read-only. */
    public static StoreOptions readOnlyDefaults() {
        return DEFAULTS.withReadOnly(true);
    }

    /** These options, read-only or not. */
    public StoreOptions withReadOnly(boolean ro) {
        return new StoreOptions(ro, memoryLimitMb, threads);
    }
}
