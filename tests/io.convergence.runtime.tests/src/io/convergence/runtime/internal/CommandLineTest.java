package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it, run inside OSGi on the real connector, simulator and historian. */
class CommandLineTest {

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(dir.resolve("home"), args);
    }

    @Test
    void demoRecordsThePlantAndHistoryShowsIt() throws Exception {
        Path data = dir.resolve("demo");
        System.setProperty(StartupClock.TRACE, "true");
        Cli.Result demo;
        try {
            demo = run("demo", "--headless", "--for", "6s", "--data", data.toString(), "--port", "" + freePort());
        } finally {
            System.clearProperty(StartupClock.TRACE);
        }
        assertEquals(0, demo.code(), demo.err() + demo.out());
        // The first stored sample it reports is the plant's (the ERP's come earlier): its points announced,
        // its first sample on the bus, then that sample read back from the historian.
        assertTrue(demo.out().contains("demo: first samples stored"), demo.out());
        Matcher start = Pattern.compile("startup \\(ms since the process started\\): .*points=(\\d+) .*sample=(\\d+)"
            + " .*stored=(\\d+)").matcher(demo.out());
        assertTrue(start.find(), demo.out());
        assertTrue(Long.parseLong(start.group(1)) <= Long.parseLong(start.group(2))
            && Long.parseLong(start.group(2)) <= Long.parseLong(start.group(3)), start.group());
        assertTrue(demo.out().contains("connection=CONNECTED  erp=CONNECTED"), demo.out());
        assertTrue(demo.out().contains("simulated ERP at jdbc:h2:tcp://127.0.0.1:"), demo.out());
        Matcher m = Pattern.compile("summary: points=(\\d+) samples=(\\d+) rate=\\d+/s lost=(\\d+)").matcher(demo.out());
        assertTrue(m.find(), demo.out());
        assertTrue(Integer.parseInt(m.group(1)) >= 44, "points of four machines: " + m.group(1));
        assertTrue(Long.parseLong(m.group(2)) > 1000, "samples: " + m.group(2));
        assertEquals("0", m.group(3), "nothing lost");

        // The demo's historian closes its folder asynchronously after the command returns.
        Cli.Result list = run("history", "--data", data.toString(), "list");
        for (int i = 0; i < 100 && list.err().contains("in use by another historian in this process"); i++) {
            Thread.sleep(100);
            list = run("history", "--data", data.toString(), "list");
        }
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("acme/lyon/packaging/line1/filler/vibration"), list.out());

        Cli.Result csv = run("history", "--data", data.toString(), "export", "acme/lyon/packaging/line1/filler/vibration",
            "--bucket", "1s");
        assertEquals(0, csv.code(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("start,count,min,max,avg,first,last,bad", lines.get(0));
        assertTrue(lines.size() >= 4, "a row per second: " + csv.out());

        Cli.Result raw = run("history", "--data", data.toString(), "export", "acme/lyon/packaging/line1/filler/state");
        assertEquals(0, raw.code(), raw.err());
        assertEquals("time,value,quality", raw.out().lines().findFirst().orElse(""));
        assertTrue(raw.out().contains("\"running\"") || raw.out().contains("\"idle\"") || raw.out().contains("\"down\""),
            raw.out());

        Cli.Result unknown = run("history", "--data", data.toString(), "export", "acme/nowhere");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no point 'acme/nowhere'"), unknown.err());
    }

    @Test
    void unreachableEndpointIsOneClearLine() throws Exception {
        Cli.Result r = run("runtime", "--connect", "opc.tcp://127.0.0.1:" + freePort() + "/nothing", "--timeout", "4s",
            "--data", dir.resolve("rt").toString(), "--pki", dir.resolve("pki").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("opc.tcp://127.0.0.1:"), r.err());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        Cli.Result url = run("runtime", "--connect", "http://example");
        assertEquals(2, url.code());
        assertTrue(url.err().contains("expected a URL starting with opc.tcp://"), url.err());
        Cli.Result port = run("runtime", "--connect", "opc.tcp://host:notaport");
        assertEquals(2, port.code(), port.err());
        Cli.Result option = run("demo", "--headless", "--colour", "red");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("unknown option '--colour' for 'demo'"), option.err());
        Cli.Result duration = run("demo", "--headless", "--for", "soon");
        assertEquals(2, duration.code());
        assertTrue(duration.err().contains("expected a duration"), duration.err());
        Cli.Result command = run("frobnicate");
        assertEquals(2, command.code());
        Cli.Result help = run("history", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("usage: convergence history"), help.out());
    }

    @Test
    void corruptDataFolderIsOneClearLineAndLeftAlone() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        byte[] garbage = new byte[65536];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(bad.resolve("historian.duckdb"), garbage);
        Cli.Result r = run("history", "--data", bad.toString(), "list");
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("not a readable historian database"), r.err());
        assertTrue(java.util.Arrays.equals(garbage, Files.readAllBytes(bad.resolve("historian.duckdb"))), "left as it was");

        Cli.Result missing = run("history", "--data", dir.resolve("nothing-here").toString(), "list");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
