package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history import} of a CSV file of 1 million rows against a plain baseline in the same run:
 * the same file read line by line, split at commas, its times and numbers parsed, and appended with
 * DuckDB's Appender to a bare table in one transaction (no checks, no point ids, no summary). Runs only
 * with {@code -Dconvergence.bench=true} (see docs/benchmarks.md); prints with the prefix
 * {@code [import-bench]}.
 */
class ImportBenchmarkTest {

    static final int POINTS = 100;
    static final int PER_POINT = 10_000;

    @TempDir
    Path dir;

    @Test
    void importAgainstABareAppender() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("convergence.bench"), "benchmark: run with -Dconvergence.bench=true");
        Path csv = dir.resolve("history.csv");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("point,time,value,quality\n");
            for (int s = 0; s < PER_POINT; s++) {
                String time = t0.plusSeconds(s).toString();
                for (int p = 0; p < POINTS; p++) {
                    w.write("plant/line" + p / 10 + "/machine" + p + "/speed," + time + ","
                        + String.format(Locale.ROOT, "%.3f", 100 + Math.sin(s * 0.01 + p)) + ",good\n");
                }
            }
        }
        long rows = (long) POINTS * PER_POINT;
        line("%,d rows (%,d points x %,d samples), %.1f MB of CSV", rows, POINTS, PER_POINT, Files.size(csv) / 1e6);
        line("%-44s %10s %14s", "case", "seconds", "rows/s");
        double base = baseline(csv, dir.resolve("bare1"));
        long start = System.nanoTime();
        Cli.Result r = Cli.run(dir.resolve("home"), "history", "--data", dir.resolve("data").toString(), "import",
            csv.toString());
        double imported = (System.nanoTime() - start) / 1e9;
        assertEquals(0, r.code(), r.err());
        double base2 = baseline(csv, dir.resolve("bare2"));
        double b = Math.min(base, base2);
        line("%-44s %10.2f %,14.0f", "baseline: parse + bare DuckDB Appender (best of 2)", b, rows / b);
        line("%-44s %10.2f %,14.0f", "convergence history import (whole command)", imported, rows / imported);
        line("ratio import / baseline (time): %.2f", imported / b);
        line("%s", r.out().strip());
    }

    private static double baseline(Path csv, Path folder) throws Exception {
        Files.createDirectories(folder);
        long start = System.nanoTime();
        Properties props = new Properties();
        try (DuckDBConnection c = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + folder.resolve("b.duckdb"),
            props); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE samples(point VARCHAR, ts TIMESTAMP, value DOUBLE, quality VARCHAR)");
            s.execute("BEGIN TRANSACTION");
            try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 DuckDBAppender a = c.createAppender("main", "samples")) {
                in.readLine();
                String l;
                while ((l = in.readLine()) != null) {
                    int c1 = l.indexOf(',');
                    int c2 = l.indexOf(',', c1 + 1);
                    int c3 = l.indexOf(',', c2 + 1);
                    a.beginRow();
                    a.append(l.substring(0, c1));
                    a.append(LocalDateTime.ofInstant(Instant.parse(l.substring(c1 + 1, c2)), ZoneOffset.UTC));
                    a.append(Double.parseDouble(l.substring(c2 + 1, c3)));
                    a.append(l.substring(c3 + 1));
                    a.endRow();
                }
                a.flush();
            }
            s.execute("COMMIT");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void line(String format, Object... args) {
        System.out.println("[import-bench] " + String.format(Locale.ROOT, format, args));
    }
}
