package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** {@code convergence history --data DIR import FILE.csv}, run as a user runs it. */
class HistoryImportTest {

    @TempDir
    Path dir;

    private Path csv(String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private Cli.Result history(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("history", "--data", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        return Cli.run(dir.resolve("home"), all);
    }

    @Test
    void aValidFileIsStoredWithTheTypesItsValuesImplyAndExportsBack() throws Exception {
        Path f = csv("good.csv",
            "point,time,value,quality",
            "acme/line1/filler/speed,2026-11-26T08:00:00Z,120.5,good",
            "acme/line1/filler/speed,2026-11-26T09:00:01+01:00,121,",
            "acme/line1/filler/speed,2026-11-26T08:00:02Z,,bad",
            "acme/line1/filler/state,2026-11-26T08:00:00Z,running",
            "acme/line1/filler/state,2026-11-26T08:00:05.250Z,\"stopped, jam\",UNCERTAIN",
            "acme/line1/filler/state,2026-11-26T08:00:06Z,7",
            "",
            "  acme/line1/filler/count , 2026-11-26T08:00:00Z , -3e2 , good ");
        Cli.Result r = history("import", f.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("imported 7 samples of 3 points from 2026-11-26T08:00:00Z to"
            + " 2026-11-26T08:00:06Z"), r.out());
        assertTrue(r.out().contains("models that read these points recompute 2026-11-26T08:00:00Z to"
            + " 2026-11-26T08:00:06.000001Z when they next start on this folder"), r.out());
        String note = Files.readString(dir.resolve("data/models/late-history"));
        assertTrue(note.matches("\\d+\t1795680000000000\t1795680006000001\t"
            + "acme/line1/filler/(speed|state|count)\t.*\n"), "one line naming the range and the points: " + note);

        String speed = history("export", "acme/line1/filler/speed").out();
        assertEquals("""
            time,value,quality
            2026-11-26T08:00:00Z,120.5,GOOD
            2026-11-26T08:00:01Z,121.0,GOOD
            2026-11-26T08:00:02Z,,BAD
            """, speed);
        String state = history("export", "acme/line1/filler/state").out();
        assertEquals("""
            time,value,quality
            2026-11-26T08:00:00Z,"running",GOOD
            2026-11-26T08:00:05.250Z,"stopped, jam",UNCERTAIN
            2026-11-26T08:00:06Z,"7",GOOD
            """, state, "a point with a text value is a text point: its 7 stays the text 7");
        assertTrue(history("export", "acme/line1/filler/count").out().contains(",-300.0,GOOD"));
    }

    @Test
    void everyProblemIsListedWithItsLineAndColumnAndNothingIsStored() throws Exception {
        PointPath speed = PointPath.parse("acme/line1/filler/speed");
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(dir.resolve("data"), StoreOptions.DEFAULTS)) {
            h.append(SampleBatch.builder(1).add(speed, Micros.of(Instant.parse("2026-11-25T00:00:00Z")), 1,
                Quality.GOOD).build());
        }
        FolderState before = FolderState.of(dir.resolve("data"));
        Path f = csv("bad.csv",
            "point,time,value,quality",
            "acme/line1/filler/speed,2026-11-26T08:00:00Z,120.5,good",
            "acme/line1/filler/speed,2026-11-26T08:00:01,121,good",
            "acme//filler/speed,2026-11-26T08:00:02Z,1,good",
            "acme/line1/filler/speed,yesterday,1,fine",
            "acme/line1/filler/speed,2026-11-26T08:00:03Z,,good",
            "acme/line1/filler/speed,2026-11-26T08:00:04Z,\"open",
            "acme/line1/filler/speed,2026-11-26T08:00:05Z",
            "acme/line1/filler/speed,+12026-11-26T08:00:05Z,3");
        Cli.Result r = history("import", f.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        for (String expected : List.of(
            "line 3, column 25: time '2026-11-26T08:00:01' has no offset: add Z",
            "line 4, column 1: point path 'acme//filler/speed': segment 2 is empty",
            "line 5, column 25: time 'yesterday' is not an ISO-8601 time",
            "line 5, column 37: quality 'fine': expected good, uncertain or bad",
            "line 6, column 46: the value is empty",
            "line 7, column 46: a quote opened here is not closed",
            "line 8: 2 fields; expected 4",
            "line 9, column 25: time '+12026-11-26T08:00:05Z' is outside the years 1 to 9999",
            "8 problems in " + f + "; nothing was imported")) {
            assertTrue(r.err().contains(expected), "expected '" + expected + "' in\n" + r.err());
        }
        assertEquals("", FolderState.of(dir.resolve("data")).differenceFrom(before), "nothing stored");

        // Valid on its own, but the stored point holds numbers.
        Path clash = csv("clash.csv", "point,time,value", "acme/line1/filler/speed,2026-11-26T08:00:00Z,1",
            "acme/line1/filler/speed,2026-11-26T08:00:01Z,fast");
        Cli.Result c = history("import", clash.toString());
        assertEquals(2, c.code(), c.out() + c.err());
        assertTrue(c.err().contains("line 3: point acme/line1/filler/speed holds numbers in the historian;"
            + " value 'fast' is not a number"), c.err());
        try (DuckDbHistorianStore h = openWhenReleased(dir.resolve("data"))) {
            assertEquals(1, h.size(), "nothing of either file was stored");
        }
    }

    /** The command's historian closes as its configuration goes, a moment after the command returns. */
    private static DuckDbHistorianStore openWhenReleased(Path data) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            try {
                return DuckDbHistorianStore.open(data, StoreOptions.readOnlyDefaults());
            } catch (io.convergence.api.historian.HistorianException e) {
                if (System.nanoTime() > deadline || !e.getMessage().contains("in use")) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void anEmptyFileAWrongHeaderAndAMissingFileAreReported() throws Exception {
        Cli.Result empty = history("import", csv("empty.csv").toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("the file is empty"), empty.err());
        Cli.Result header = history("import", csv("header.csv", "name,time,value", "a/b,2026-11-26T08:00:00Z,1")
            .toString());
        assertEquals(2, header.code());
        assertTrue(header.err().contains("line 1: the header is 'name,time,value'; expected point,time,value"),
            header.err());
        Cli.Result missing = history("import", dir.resolve("nope.csv").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope.csv does not exist"), missing.err());
    }
}
