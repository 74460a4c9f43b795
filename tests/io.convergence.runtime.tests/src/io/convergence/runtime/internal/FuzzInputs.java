package io.convergence.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.convergence.api.cli.Args;

/**
 * Generates the fuzzer's inputs: command lines mutated from valid ones, and configuration files
 * mutated from valid ones. Input {@code i} of seed {@code s} is always the same, so any finding can
 * be run again alone.
 */
final class FuzzInputs {

    /**
     * One input.
     *
     * @param args the command line
     * @param configText the text of the configuration file the command line names (in {@code file}), or null
     * @param mutations what was changed, for the report
     * @param mustFail whether a mutation makes the input wrong for certain (an unknown option, a
     *     number out of any range), so that exit code 0 would hide an error
     */
    record Input(List<String> args, String configText, String mutations, boolean mustFail) {
    }

    /** Values that break parsers: numbers of every size, durations, times, text of every shape. */
    static final List<String> VALUES = List.of("0", "-1", "1", "65535", "65536", "2147483647", "2147483648",
        "-2147483649", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1e9", "0x10", "1.5",
        "NaN", "-0", "+5", "1_000", "20s", "0s", "0.5ms", "1h30m", "2d", "36500d", "36501d", "99999999999999999999s",
        "106751991167301d", "1" + "0".repeat(300) + "ms", "5x", "s", "-1h", "-99999999999999999999d", "now",
        "2026-11-26", "2026-11-26T08:00:00Z", "+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z",
        "2026-13-45", "", " ", "-", "--", "=", "'", "\"", "\\", "%s%n", "${user.home}", "\u0000", "\t\r\n",
        "\u202e\u00e9\u4e2d\ud83d\ude00", "a".repeat(5000), "acme/lyon/line", "/", "//", "a//b", "../..",
        "opc.tcp://", "opc.tcp://127.0.0.1:0/x", "opc.tcp://[::1]:4840/x", "opc.tcp://h:4840:4841/x",
        "opc.tcp://user:pw@127.0.0.1/x", "http://127.0.0.1/x", "None", "Basic256Sha256", "Sign", "SignAndEncrypt",
        "list", "export", "ingest", "true", "null");

    private static final List<String> OPTIONS = List.of("--for", "--for=", "--data", "--port", "--points", "--seed",
        "--config", "--headless", "--connect", "--security", "--mode", "--user", "--password", "--pki", "--prefix", "--timeout",
        "--from", "--to", "--bucket", "--help", "-h");

    private static final List<String> UNKNOWN_OPTIONS = List.of("--colour", "--Data", "--dat", "---data",
        "--headless=yes", "-x", "--", "--\u00e9", "--" + "o".repeat(300));

    private static final List<String> COMMANDS = List.of("demo", "runtime", "history", "bench", "help", "--help",
        "Demo", "hist", "", "demo\u0000", "runtimes");

    private static final Pattern JSON_VALUE = Pattern.compile(":\\s*(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d+(?:\\.\\d+)?|true|false|null)");
    private static final Pattern JSON_KEY = Pattern.compile("\"((?:[^\"\\\\]++|\\\\.)*+)\"\\s*:");
    private static final List<String> JSON_VALUES = List.of("\"\"", "\" \"", "null", "true", "-1", "0", "1.5",
        "99999999999999999999", "1e999", "-1e999", "2147483648", "[]", "{}", "[1,2]", "{\"a\":1}", "\"\\u0000\"",
        "\"" + "x".repeat(3000) + "\"", "\"../../etc\"", "\"opc.tcp://127.0.0.1:70000/x\"", "NaN", "Infinity",
        "\"\\ud800\"", "01", "-", "\"\u202e\"");

    private static final String JSON_CHARS = "{}[]\",:0-9a\\/ \n";

    private final String configInput;
    private final Map<String, List<String>> pools;
    private final List<List<String>> bases;

    /**
     * @param configInput the path of the configuration file an input writes and names with --config
     * @param pools values that fit each option (paths inside the sandbox, endpoints, points), by option
     *     ({@code --data}) or by command and option ({@code history --config})
     * @param bases valid command lines to start from
     */
    FuzzInputs(String configInput, Map<String, List<String>> pools, List<List<String>> bases) {
        this.configInput = configInput;
        this.pools = pools;
        this.bases = bases;
    }

    /**
     * Input {@code index} of the run with {@code seed}.
     *
     * @param configFor the valid configuration text to mutate for a base command line
     */
    Input input(long seed, int index, Function<List<String>, String> configFor) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        List<String> args = new ArrayList<>(bases.get(r.nextInt(bases.size())));
        String validConfig = configFor.apply(args);
        StringBuilder what = new StringBuilder();
        List<String> unknown = new ArrayList<>();
        String config = null;
        if (args.contains(configInput) || r.nextInt(8) == 0) {
            // A configuration file mutated from a valid one, named by --config.
            config = mutateJson(r, validConfig, what);
            if (!args.contains(configInput)) {
                args.add("--config");
                args.add(configInput);
            }
        }
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n && !args.isEmpty(); k++) {
            // The command itself is changed by its own mutation (the last case) only, so that most
            // inputs reach a command's option parsing.
            int at = args.size() > 1 ? 1 + r.nextInt(args.size() - 1) : 0;
            switch (r.nextInt(10)) {
                case 0 -> {
                    what.append("deleted '").append(args.remove(at)).append("'; ");
                }
                case 1 -> {
                    args.add(at, args.get(at));
                    what.append("repeated '").append(args.get(at)).append("'; ");
                }
                case 2 -> {
                    int other = args.size() > 1 ? 1 + r.nextInt(args.size() - 1) : 0;
                    String t = args.get(at);
                    args.set(at, args.get(other));
                    args.set(other, t);
                    what.append("swapped ").append(at).append(" and ").append(other).append("; ");
                }
                case 3, 4 -> {
                    String v = r.nextBoolean() ? pick(r, VALUES) : pick(r, pool(args, at));
                    what.append("value '").append(Args.shown(args.get(at))).append("' -> '").append(Args.shown(v)).append("'; ");
                    args.set(at, v);
                }
                case 5 -> {
                    String o = pick(r, UNKNOWN_OPTIONS);
                    args.add(at, o);
                    what.append("inserted unknown option '").append(Args.shown(o)).append("'; ");
                    if (o.startsWith("--") && o.length() > 2) {
                        unknown.add(o);
                    }
                }
                case 6 -> {
                    String o = pick(r, OPTIONS);
                    args.add(at, o);
                    if (r.nextBoolean()) {
                        args.add(at + 1, r.nextBoolean() ? pick(r, VALUES) : pick(r, pool(args, o)));
                    }
                    what.append("inserted '").append(o).append("'; ");
                }
                case 7 -> {
                    String t = args.get(at);
                    if (t.startsWith("--") && at + 1 < args.size()) {
                        args.set(at, t + "=" + args.remove(at + 1));
                        what.append("joined '").append(t).append("=...'; ");
                    } else {
                        String cut = t.substring(0, r.nextInt(t.length() + 1));
                        args.set(at, cut);
                        what.append("cut '").append(Args.shown(t)).append("' to '").append(Args.shown(cut)).append("'; ");
                    }
                }
                case 8 -> {
                    String t = args.get(at) + (char) (r.nextInt(0x20, 0x7f));
                    what.append("appended to '").append(Args.shown(args.get(at))).append("'; ");
                    args.set(at, t);
                }
                default -> {
                    String c = pick(r, COMMANDS);
                    what.append("command '").append(Args.shown(args.get(0))).append("' -> '").append(Args.shown(c)).append("'; ");
                    args.set(0, c);
                }
            }
        }
        // Wrong for certain: an unknown option that is still there as an option (not after "--").
        int operandsFrom = args.indexOf("--") < 0 ? args.size() : args.indexOf("--");
        boolean mustFail = false;
        for (int k = 1; k < operandsFrom; k++) {
            mustFail |= unknown.contains(args.get(k));
        }
        return new Input(List.copyOf(args), config, what.toString(), mustFail);
    }

    /** The pool of values that fit the option before position {@code at}, else any value. */
    private List<String> pool(List<String> args, int at) {
        return at > 0 ? pool(args, args.get(at - 1)) : VALUES;
    }

    /** The values that fit an option of the command line's command ("history --config"), or of any. */
    private List<String> pool(List<String> args, String option) {
        List<String> own = pools.get(args.get(0) + " " + option);
        return own != null ? own : pools.getOrDefault(option, VALUES);
    }

    /** Mutates a JSON text: its values, its keys, its syntax or its bytes. */
    static String mutateJson(SplittableRandom r, String json, StringBuilder what) {
        String s = json;
        int n = 1 + r.nextInt(2);
        for (int k = 0; k < n; k++) {
            switch (r.nextInt(7)) {
                case 0, 1 -> {
                    List<int[]> spans = spans(JSON_VALUE, s);
                    if (!spans.isEmpty()) {
                        int[] sp = spans.get(r.nextInt(spans.size()));
                        String v = pick(r, JSON_VALUES);
                        what.append("json value ").append(Args.shown(s.substring(sp[0], sp[1]))).append(" -> ")
                            .append(Args.shown(v)).append("; ");
                        s = s.substring(0, sp[0]) + v + s.substring(sp[1]);
                    }
                }
                case 2 -> {
                    List<int[]> spans = spans(JSON_KEY, s);
                    if (!spans.isEmpty()) {
                        int[] sp = spans.get(r.nextInt(spans.size()));
                        String key = s.substring(sp[0], sp[1]);
                        String v = switch (r.nextInt(4)) {
                            case 0 -> key.toUpperCase();
                            case 1 -> key.substring(0, key.length() / 2);
                            case 2 -> "";
                            default -> key + "X";
                        };
                        what.append("json key ").append(Args.shown(key)).append(" -> ").append(Args.shown(v)).append("; ");
                        s = s.substring(0, sp[0]) + v + s.substring(sp[1]);
                    }
                }
                case 3 -> {
                    int at = r.nextInt(s.length() + 1);
                    String c = String.valueOf(JSON_CHARS.charAt(r.nextInt(JSON_CHARS.length())));
                    what.append("json inserted ").append(Args.shown(c)).append(" at ").append(at).append("; ");
                    s = s.substring(0, at) + c + s.substring(at);
                }
                case 4 -> {
                    int at = r.nextInt(Math.max(1, s.length()));
                    int len = Math.min(s.length() - at, 1 + r.nextInt(8));
                    what.append("json deleted ").append(len).append(" at ").append(at).append("; ");
                    s = s.substring(0, at) + s.substring(at + Math.max(0, len));
                }
                case 5 -> {
                    int cut = r.nextInt(s.length() + 1);
                    what.append("json cut at ").append(cut).append("; ");
                    s = s.substring(0, cut);
                }
                default -> {
                    String v = switch (r.nextInt(6)) {
                        case 0 -> "[" + s + "]";
                        case 1 -> "[".repeat(5000) + "]".repeat(5000);
                        case 2 -> "\ufeff" + s;
                        case 3 -> s + s;
                        case 4 -> s.replace("{", "{\"a\":1,\"a\":2,");
                        default -> "{\"io.convergence.historian.duckdb\": " + s + "}";
                    };
                    what.append("json shape; ");
                    s = v;
                }
            }
        }
        return s;
    }

    private static List<int[]> spans(Pattern p, String s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(new int[] {m.start(1), m.end(1)});
        }
        return out;
    }

    private static String pick(SplittableRandom r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
