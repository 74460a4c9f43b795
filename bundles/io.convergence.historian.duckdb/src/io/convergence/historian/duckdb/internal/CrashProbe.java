package io.convergence.historian.duckdb.internal;

import java.nio.file.Path;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

/**
 * A process for crash tests: appends batches to a data folder and prints {@code acked k} as soon as
 * batch {@code k} is stored, until it is killed. Batch {@code k} holds {@code size} samples spread
 * over {@code points} points {@code probe/p<i>}, every value {@code k}, at the times
 * {@code (k * size + row)} milliseconds after the epoch. Run with the bundle, the API bundle and the
 * DuckDB jar on the class path:
 *
 * <pre>java -cp ... io.convergence.historian.duckdb.internal.CrashProbe folder size batches points</pre>
 */
public final class CrashProbe {

    private CrashProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: CrashProbe <data folder> <samples per batch> <batches> <points>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        int batches = Integer.parseInt(args[2]);
        int points = Integer.parseInt(args[3]);
        PointPath[] paths = new PointPath[points];
        for (int i = 0; i < points; i++) {
            paths[i] = PointPath.of("probe", "p" + i);
        }
        try (DuckDbHistorianStore store = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            System.out.println("ready");
            System.out.flush();
            for (int k = 0; k < batches; k++) {
                SampleBatch.Builder b = SampleBatch.builder(size);
                for (int r = 0; r < size; r++) {
                    b.add(paths[r % points], ((long) k * size + r) * 1_000L, k, Quality.GOOD);
                }
                store.append(b.build());
                System.out.println("acked " + k);
                System.out.flush();
            }
        }
        System.out.println("done");
    }
}
