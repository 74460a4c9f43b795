package io.convergence.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.convergence.api.cli.Args;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A seeded fuzzer over the command line's arguments and configuration files, run in this framework
 * through the real commands and services. Every input runs as if the user had asked to stop before
 * anything started, so an input the commands accept checks everything and then starts nothing; the
 * history command, which only reads, runs in full on a small recorded data folder.
 *
 * <p>Each input is judged: no exception escapes and nothing looks like a stack trace; the exit code
 * is 0, 1 or 2, and 0 only with nothing on standard error (and never for an input that is wrong for
 * certain); a usage error is one line; the sandbox's files and ConfigurationAdmin's configurations
 * are as they were. An error is counted as clear when every line starts with {@code convergence},
 * names where the problem is (an option, an argument in quotes, a file, a folder, a point or a
 * configuration field), says what was expected or what went wrong, and uses no words of the code
 * (class or library setting names, character codes, invisible format characters).
 */
final class CliFuzzer {

    private static final List<String> COMMANDS = List.of("demo", "runtime", "history", "bench", "--help", "help");

    static final PointPath NUMBER = PointPath.parse("acme/fuzz/line1/filler/temperature");
    static final PointPath TEXT = PointPath.parse("acme/fuzz/line1/filler/state");

    private static final Pattern TRACE = Pattern.compile("\\tat |Exception|\\.java:\\d|Caused by|(: |\\()null(\\)|$)",
        Pattern.MULTILINE);
    /** Words of the code rather than of the user: a class, a library setting, a character code. */
    private static final Pattern JARGON = Pattern.compile("[A-Z][a-z]+[A-Z]\\w*\\.[A-Z_]{3,}|`|\\(code \\d+|\\p{Cf}");
    private static final Pattern WHERE = Pattern.compile("--[a-z]|'[^']*'|\\.json|data folder|/|POINT|\\bcommand\\b");
    private static final Pattern WHAT = Pattern.compile("expected|needs|unknown|takes|not |no |out of range|at least"
        + "|at most|missing|cannot|does not|is a |larger than|unexpected|is used twice|twice|only|refused|too |is empty");

    /**
     * The outcome of a fuzz run.
     *
     * @param inputs inputs tried
     * @param accepted inputs the commands accepted (exit 0)
     * @param usageErrors inputs refused as usage errors (exit 2)
     * @param commandErrors inputs refused or failed with exit 1
     * @param clear errors judged clear
     * @param findings inputs that broke a rule, each with the reason
     * @param unclear errors not judged clear, as examples
     * @param millisByCommand time spent in runs, by the first argument
     * @param millis the run's duration, with the checks
     */
    record Figures(int inputs, int accepted, int usageErrors, int commandErrors, int clear, List<String> findings,
                   List<String> unclear, Map<String, Long> millisByCommand, long millis) {

        String summary() {
            int errors = usageErrors + commandErrors;
            return String.format(java.util.Locale.ROOT, "inputs=%d accepted=%d errors=%d (usage %d, command %d)"
                + " clear=%d (%.1f%%) findings=%d in %.1f s", inputs, accepted, errors, usageErrors, commandErrors,
                clear, errors == 0 ? 100.0 : 100.0 * clear / errors, findings.size(), millis / 1000.0)
                + "\ntime in commands (ms): " + millisByCommand;
        }
    }

    private final Path sandbox;
    private final Path configInput;
    private final FuzzInputs generator;
    private final Map<String, String> validConfigs = new TreeMap<>();

    CliFuzzer(Path sandbox) throws Exception {
        this.sandbox = sandbox;
        Path home = Files.createDirectories(sandbox.resolve("home"));
        Path data = sandbox.resolve("data");
        Path files = Files.createDirectories(sandbox.resolve("files"));
        Path inputs = Files.createDirectories(sandbox.resolve("inputs"));
        this.configInput = inputs.resolve("config.json");
        record(data);
        String historianRo = "{\"io.convergence.historian.duckdb\": {\"dataDir\": \"" + json(data) + "\", \"readOnly\": true}}";
        String connector = "{\n  // the plant's OPC UA server\n  \"io.convergence.connector.opcua\": [\n    {\"id\": \"press\","
            + " \"endpoint\": \"opc.tcp://127.0.0.1:4999/press\", \"pkiDir\": \"" + json(sandbox.resolve("pki"))
            + "\", \"samplingIntervalMs\": 250.0, \"securityPolicy\": \"None\"}\n  ]\n}\n";
        String recorder = "{\"io.convergence.core.recorder\": {\"maxAppendSamples\": 100000, \"maxQueuedSamples\": 1000000}}";
        validConfigs.put("history", historianRo);
        validConfigs.put("connector", connector);
        validConfigs.put("recorder", recorder);
        Path historianFile = Files.writeString(files.resolve("historian.json"), historianRo);
        Path connectorFile = Files.writeString(files.resolve("connector.json"), connector);
        Path garbage = Files.write(files.resolve("garbage.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '{'});
        Path empty = Files.writeString(files.resolve("empty.json"), "");
        Path folder = Files.createDirectories(files.resolve("folder.json"));
        String missing = files.resolve("missing.json").toString();
        String d = data.toString();
        String work = sandbox.resolve("work").toString();
        Map<String, List<String>> pools = Map.ofEntries(
            Map.entry("--data", List.of(d, work, home.toString(), garbage.toString(), sandbox.resolve("x/../data").toString(),
                missing, "")),
            Map.entry("--config", List.of(historianFile.toString(), connectorFile.toString(), garbage.toString(),
                empty.toString(), folder.toString(), missing)),
            // history refuses a connector's configuration at once; a file that sets up no historian at
            // all costs it its start timeout, which this run has no time for
            Map.entry("history --config", List.of(historianFile.toString(), garbage.toString(), empty.toString(),
                folder.toString(), missing)),
            Map.entry("--pki", List.of(sandbox.resolve("pki").toString(), garbage.toString())),
            Map.entry("--connect", List.of("opc.tcp://127.0.0.1:4999/press", "opc.tcp://127.0.0.1:1", "opc.tcp://127.0.0.1")),
            Map.entry("export", List.of(NUMBER.toString(), TEXT.toString(), "acme/fuzz/nothing", "/acme", "acme//x")),
            Map.entry("--bucket", List.of("1s", "1m", "1h", "1d")),
            Map.entry("--from", List.of("2026-11-26T08:00:00Z", "-1h", "2026-11-26", "now")),
            Map.entry("--to", List.of("2026-11-26T09:00:00Z", "now", "2026-11-27T00:00")));
        String ci = configInput.toString();
        List<List<String>> bases = List.of(
            List.of("demo", "--headless", "--for", "20s", "--data", work, "--port", "4999", "--points", "10", "--seed", "7"),
            List.of("demo", "--headless", "--config", ci, "--data", work),
            List.of("runtime", "--connect", "opc.tcp://127.0.0.1:4999/press", "--for", "1m", "--data", work, "--pki",
                sandbox.resolve("pki").toString(), "--timeout", "5s", "--prefix", "acme/lyon/press"),
            List.of("runtime", "--connect", "opc.tcp://127.0.0.1:4999/press", "--security", "Basic256Sha256", "--mode",
                "Sign", "--user", "operator", "--password", "secret", "--data", work, "--config", ci),
            List.of("history", "--data", d, "list"),
            List.of("history", "--data", d, "export", NUMBER.toString(), "--from", "2026-11-26T08:00:00Z", "--to", "now",
                "--bucket", "1m"),
            List.of("history", "--data", d, "export", TEXT.toString()),
            List.of("history", "--config", ci, "list"),
            List.of("bench", "ingest", "--points", "100", "--for", "5s", "--data", work),
            List.of("demo", "--help"),
            List.of("--help"));
        this.generator = new FuzzInputs(ci, pools, bases);
    }

    /**
     * Runs inputs {@code 0 .. count-1} of a seed and judges each.
     *
     * @param log where to write every input and its outcome, or null
     */
    Figures run(long seed, int count, Path log) throws Exception {
        StringBuilder all = new StringBuilder();
        long start = System.nanoTime();
        int accepted = 0;
        int usage = 0;
        int command = 0;
        int clear = 0;
        List<String> findings = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        Map<String, Long> time = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            FuzzInputs.Input in = generator.input(seed, i, base -> config(base, n));
            if (in.configText() != null) {
                Files.writeString(configInput, in.configText(), StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(configInput);
            }
            FolderState before = FolderState.of(sandbox);
            Map<String, String> configsBefore = configurations();
            String label = "seed " + seed + " input " + i + ": " + shown(in.args()) + " (" + in.mutations() + ")";
            Cli.Result r;
            long t0 = System.nanoTime();
            try {
                r = Cli.run(sandbox.resolve("home"), true, Duration.ofMillis(50), in.args());
            } catch (RuntimeException | Error e) {
                findings.add(label + " -> threw " + e);
                continue;
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String first = in.args().isEmpty() ? "(none)" : in.args().get(0);
            time.merge(COMMANDS.contains(first) ? first : "(other)", ms, Long::sum);
            List<String> broken = judge(in, r);
            String changed = FolderState.of(sandbox).differenceFrom(before);
            if (!changed.isEmpty()) {
                broken.add("changed files: " + changed);
            }
            if (!configurations().equals(configsBefore)) {
                broken.add("left configurations behind: " + configurations().keySet());
            }
            if (ms > 30_000) {
                broken.add("took " + ms + " ms");
            }
            if (!broken.isEmpty()) {
                findings.add(label + " -> exit " + r.code() + ", " + String.join("; ", broken) + ": " + r.err().strip());
            }
            if (log != null) {
                all.append(label).append("\n  -> exit ").append(r.code()).append(' ').append(ms).append(" ms: ")
                    .append(r.err().strip().replace("\n", "\n     ")).append('\n');
            }
            switch (r.code()) {
                case 0 -> accepted++;
                case 2 -> usage++;
                default -> command++;
            }
            if (r.code() != 0) {
                if (clear(r.err())) {
                    clear++;
                } else if (unclear.size() < 25) {
                    unclear.add(label + " -> " + r.err().strip());
                }
            }
        }
        Files.deleteIfExists(configInput);
        if (log != null) {
            Files.writeString(log, all);
        }
        return new Figures(count, accepted, usage, command, clear, findings, unclear, time,
            (System.nanoTime() - start) / 1_000_000);
    }

    /** The valid configuration an input's file is mutated from: the historian's for history, else another. */
    private String config(List<String> base, int i) {
        if (base.get(0).equals("history")) {
            return validConfigs.get("history");
        }
        return switch (i % 3) {
            case 0 -> validConfigs.get("recorder");
            case 1 -> validConfigs.get("connector");
            default -> validConfigs.get("history");
        };
    }

    /** The rules every outcome must keep; what it broke, if anything. */
    private static List<String> judge(FuzzInputs.Input in, Cli.Result r) {
        List<String> broken = new ArrayList<>();
        if (TRACE.matcher(r.err()).find() || r.err().contains("internal error")) {
            broken.add("looks like a defect or a stack trace");
        }
        if (r.code() < 0 || r.code() > 2) {
            broken.add("exit code " + r.code());
        }
        if (r.code() == 0 && !r.err().isBlank()) {
            broken.add("exit 0 with an error message");
        }
        if (r.code() == 0 && in.mustFail()) {
            broken.add("exit 0 for an input that is wrong for certain");
        }
        if (r.code() != 0 && r.err().isBlank()) {
            broken.add("failed without saying why");
        }
        if (r.code() == 2 && r.err().lines().count() != 1) {
            broken.add("a usage error of " + r.err().lines().count() + " lines");
        }
        return broken;
    }

    /** Whether an error message is clear: see the class comment. */
    static boolean clear(String err) {
        List<String> lines = err.lines().toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("convergence") || TRACE.matcher(err).find()
            || JARGON.matcher(err.replaceAll("'[^'\n]*'", "''")).find()) {
            return false;
        }
        for (String line : lines) {
            String body = line.startsWith("convergence") ? line.substring(line.indexOf(':') + 1) : line;
            if (!WHERE.matcher(line).find() || !WHAT.matcher(body).find() || line.length() > 600) {
                return false;
            }
        }
        return true;
    }

    /** Every configuration in ConfigurationAdmin with its properties: what a command must leave as it found it. */
    private static Map<String, String> configurations() throws IOException, InvalidSyntaxException {
        ServiceReference<ConfigurationAdmin> ref = Cli.bundles().getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = Cli.bundles().getService(ref);
        Map<String, String> out = new TreeMap<>();
        Configuration[] all = admin.listConfigurations(null);
        for (Configuration c : all == null ? new Configuration[0] : all) {
            Dictionary<String, Object> p = c.getProperties();
            Map<String, Object> props = new TreeMap<>();
            for (Enumeration<String> k = p == null ? java.util.Collections.emptyEnumeration() : p.keys(); k.hasMoreElements();) {
                String key = k.nextElement();
                props.put(key, p.get(key));
            }
            out.put(c.getPid(), props.toString());
        }
        return out;
    }

    /** A small recorded data folder: a numeric point and a text point over an hour. */
    private static void record(Path data) throws Exception {
        long t0 = Micros.of(Instant.parse("2026-11-26T08:00:00Z"));
        SampleBatch.Builder b = SampleBatch.builder(800);
        String[] states = {"running", "idle", "=cmd|' /C calc'!A0", "down"};
        for (int i = 0; i < 360; i++) {
            b.add(NUMBER, t0 + i * 10_000_000L, 20 + Math.sin(i / 10.0), Quality.GOOD);
            b.addText(TEXT, t0 + i * 10_000_000L, states[i % states.length], Quality.GOOD);
        }
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(data, StoreOptions.DEFAULTS)) {
            h.append(b.build());
        }
    }

    private static String json(Path p) {
        return p.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String shown(List<String> args) {
        StringBuilder b = new StringBuilder();
        for (String a : args) {
            b.append(b.isEmpty() ? "" : " ").append(Args.shown(a).isEmpty() ? "''" : Args.shown(a));
        }
        return b.toString();
    }
}
