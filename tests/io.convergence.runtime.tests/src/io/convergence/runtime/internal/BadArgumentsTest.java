package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers too large for what they describe (a duration, a port, a count, a time) are usage errors:
 * one line that names the option, exit code 2, and nothing started or written.
 */
class BadArgumentsTest {

    @TempDir
    Path dir;

    private Cli.Result run(List<String> args) {
        return Cli.run(dir.resolve("home"), args);
    }

    /** The reproduced fault: a stack trace and exit code 0. */
    @Test
    @Timeout(120)
    void aDurationOfTwentyDigitsIsOneLineAndExitTwo() throws IOException {
        Path data = dir.resolve("demo");
        Cli.Result r = run(List.of("demo", "--headless", "--for", "99999999999999999999s", "--data", data.toString(),
            "--port", "4999"));
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--for 99999999999999999999s"), r.err());
        assertFalse(Files.exists(data), "nothing started: the data folder was created");
    }

    @Test
    @Timeout(120)
    void numericOverflowInAnyArgumentIsAUsageError() throws IOException {
        String data = dir.resolve("data").toString();
        String pki = dir.resolve("pki").toString();
        String big = "99999999999999999999";
        String opc = "opc.tcp://127.0.0.1:4840/x";
        List<Case> cases = List.of(
            new Case("--for", "demo", "--headless", "--for", big, "--data", data),
            new Case("--for", "demo", "--headless", "--for=" + big + "ms", "--data", data),
            new Case("--for", "demo", "--headless", "--for", "9223372036854775808ms", "--data", data),
            new Case("--for", "demo", "--headless", "--for", "106751991167301d", "--data", data),
            new Case("--for", "demo", "--headless", "--for", "1" + "0".repeat(400) + ".5h", "--data", data),
            new Case("--points", "demo", "--headless", "--points", big, "--data", data),
            new Case("--seed", "demo", "--headless", "--seed", big, "--data", data),
            new Case("--port", "demo", "--headless", "--port", big, "--data", data),
            new Case("--connect", "runtime", "--connect", "opc.tcp://127.0.0.1:" + big + "/x", "--data", data,
                "--pki", pki),
            new Case("--connect", "runtime", "--connect", "opc.tcp://127.0.0.1:70000/x", "--data", data, "--pki", pki),
            new Case("--timeout", "runtime", "--connect", opc, "--timeout", big + "s", "--data", data, "--pki", pki),
            new Case("--for", "runtime", "--connect", opc, "--for", big + "h", "--data", data, "--pki", pki),
            new Case("--from", "history", "--data", data, "export", "a/b", "--from", "-" + big + "d"),
            new Case("--from", "history", "--data", data, "export", "a/b", "--from", "-" + big + "ms"),
            new Case("--to", "history", "--data", data, "export", "a/b", "--to", "+999999999-12-31T00:00:00Z"),
            new Case("--bucket", "history", "--data", data, "export", "a/b", "--bucket", big + "s"),
            new Case("--for", "bench", "ingest", "--for", big + "s", "--data", data),
            new Case("--points", "bench", "ingest", "--points", big, "--data", data));
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            try {
                Cli.Result r = run(c.args());
                if (r.code() != 2 || r.err().lines().count() != 1 || !r.err().contains(c.option())
                    || r.err().contains("Exception") || !r.out().isEmpty()) {
                    wrong.add(c + " -> exit " + r.code() + ": " + r.err() + r.out());
                }
            } catch (RuntimeException e) {
                wrong.add(c + " -> " + e);
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            List<Path> made = left.toList();
            assertTrue(made.isEmpty(), "nothing may be written: " + made + "\n" + String.join("\n", wrong));
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** A command line and the option its one error line must name. */
    private record Case(String option, List<String> args) {
        Case(String option, String... args) {
            this(option, List.of(args));
        }

        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }
}
