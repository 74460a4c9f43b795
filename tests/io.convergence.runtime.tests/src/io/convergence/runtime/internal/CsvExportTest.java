package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV export opened in a spreadsheet must not run a recorded text as a formula: a device or a
 * server controls those texts. Numbers stay numbers.
 */
class CsvExportTest {

    private static final PointPath TEXT = PointPath.parse("acme/line/operator/note");
    private static final PointPath NUMBER = PointPath.parse("acme/line/filler/offset");
    private static final List<String> FORMULAS = List.of("=1+2", "+SUM(A1:A9)", "-2+3", "@cmd", "\tleading tab",
        "\rleading return", "=HYPERLINK(\"http://example.invalid\",\"x\")", "plain text");

    @TempDir
    Path dir;

    private String export(String... args) {
        Cli.Result r = Cli.run(dir.resolve("home"), args);
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    @Test
    void textsThatASpreadsheetWouldRunAreMadeInertAndNumbersStayNumbers() throws Exception {
        long t0 = Micros.of(Instant.parse("2026-11-26T08:00:00Z"));
        SampleBatch.Builder b = SampleBatch.builder(16);
        for (int i = 0; i < FORMULAS.size(); i++) {
            b.addText(TEXT, t0 + i * 1_000_000L, FORMULAS.get(i), Quality.GOOD);
        }
        b.add(NUMBER, t0, -1.5, Quality.GOOD).add(NUMBER, t0 + 1_000_000L, 2.25, Quality.GOOD)
            .add(NUMBER, t0 + 2_000_000L, -3e-7, Quality.GOOD);
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir, StoreOptions.DEFAULTS)) {
            h.append(b.build());
        }

        FolderState before = FolderState.of(dir);
        String texts = export("history", "--data", dir.toString(), "export", TEXT.toString());
        assertTrue(texts.startsWith("time,value,quality\n"), texts);
        for (String c : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertTrue(!texts.contains("," + c) && !texts.contains(",\"" + c),
                "a spreadsheet would run a cell starting with " + c.strip() + ": " + texts);
        }
        for (String f : FORMULAS) {
            String quoted = f.replace("\"", "\"\"");
            String expected = "=+-@\t\r".indexOf(f.charAt(0)) >= 0 ? "\"'" + quoted + "\"" : "\"" + quoted + "\"";
            assertTrue(texts.contains("," + expected + ",GOOD"), "expected " + expected + " in " + texts);
        }
        assertTrue(texts.contains("\"'=1+2\""), texts);
        assertTrue(texts.contains("\"'-2+3\""), texts);
        assertTrue(texts.contains("\"plain text\""), texts);

        String numbers = export("history", "--data", dir.toString(), "export", NUMBER.toString());
        assertTrue(numbers.contains(",-1.5,GOOD"), numbers);
        assertTrue(numbers.contains(",2.25,GOOD"), numbers);
        assertTrue(numbers.contains(",-3.0E-7,GOOD"), numbers);

        String buckets = export("history", "--data", dir.toString(), "export", NUMBER.toString(), "--bucket", "1h");
        assertTrue(buckets.lines().skip(1).findFirst().orElse("").contains(",-1.5,"), buckets);
        assertEquals("", FolderState.of(dir).differenceFrom(before), "history reads without writing");
    }
}
