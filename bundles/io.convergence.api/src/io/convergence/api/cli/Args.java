package io.convergence.api.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The options and operands of one command: {@code --name value}, {@code --name=value}, {@code --flag},
 * and {@code --} before operands that start with a dash. {@code --help} and {@code -h} are always
 * understood. A value that starts with {@code --} must be given as {@code --name=value}: after
 * {@code --name} it is taken for a forgotten value. An option with a value may be given once. Unknown options and missing values are usage errors that name the command; typed
 * values ({@link #intValue}, {@link #duration}, {@link #time}) are checked against their range.
 *
 * <pre>
 * Args args = new Args("report", argv, Set.of("for", "data"), Set.of("verbose"));
 * if (args.help()) { context.out().print(help()); return 0; }
 * Duration length = args.duration("for", Duration.ofSeconds(20));
 * </pre>
 *
 * @since 1.0
 */
public final class Args {

    private final String command;
    private final Map<String, String> values = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    /**
     * Reads a command's arguments.
     *
     * @param command the command's name, for messages
     * @param args what follows the command's name
     * @param withValue options that take a value, without their dashes
     * @param flags options that take none, without their dashes
     * @throws UsageException for an unknown option, a flag given a value or an option missing its value
     */
    public Args(String command, List<String> args, Set<String> withValue, Set<String> flags) throws UsageException {
        this.command = command;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--") || (a.startsWith("-") && a.length() > 1 && !Character.isDigit(a.charAt(1)))) {
                String name = a.replaceFirst("^--?", "");
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (name.equals("help") || name.equals("h")) {
                    values.put("help", "");
                } else if (flags.contains(name)) {
                    if (value != null) {
                        throw new UsageException("option --" + name + " of '" + command + "' takes no value" + hint());
                    }
                    values.put(name, "");
                } else if (withValue.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option --" + name + " of '" + command + "' needs a value" + hint());
                        }
                        value = args.get(++i);
                        // "--data --for 5s" is a forgotten value far more often than a folder named "--for".
                        if (value.startsWith("--") && value.length() > 2) {
                            throw new UsageException("option --" + name + " of '" + command + "' needs a value, not the"
                                + " option '" + shown(value) + "' (write --" + name + "=" + shown(value)
                                + " if that is the value)");
                        }
                    }
                    if (values.containsKey(name)) {
                        // Which one was meant is a guess; say so instead of silently taking the last.
                        throw new UsageException("option --" + name + " of '" + command + "' is given twice" + hint());
                    }
                    values.put(name, value);
                } else {
                    throw new UsageException("unknown option '" + shown(a) + "' for '" + command + "'" + hint());
                }
            } else {
                operands.add(a);
            }
        }
    }

    /** Whether {@code --help} or {@code -h} was given. */
    public boolean help() {
        return values.containsKey("help");
    }

    /** Whether a flag (or an option with a value) was given. */
    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** An option's value; {@code null} if it was not given (the last one counts if given twice). */
    public @Nullable String value(String name) {
        return values.get(name);
    }

    /** An option's value, or the fallback. */
    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The arguments that are not options, in order. */
    public List<String> operands() {
        return List.copyOf(operands);
    }

    /**
     * Refuses operands beyond the first {@code allowed}.
     *
     * @throws UsageException naming the first unexpected one
     */
    public void allowOperands(int allowed) throws UsageException {
        if (operands.size() > allowed) {
            throw new UsageException("unexpected argument '" + shown(operands.get(allowed)) + "' for '" + command + "'"
                + hint());
        }
    }

    /** A whole-number option from {@code min} to {@code max}, or the fallback when it is not given. */
    public int intValue(String name, int fallback, int min, int max) throws UsageException {
        String v = values.get(name);
        return v == null ? fallback : Numbers.parseInt(name, v, min, max);
    }

    /** A 64-bit whole-number option, or the fallback when it is not given. */
    public long longValue(String name, long fallback) throws UsageException {
        String v = values.get(name);
        return v == null ? fallback : Numbers.parseLong(name, v);
    }

    /** A duration option of at most {@link Durations#MAX}; {@code null} when it is not given. */
    public @Nullable Duration duration(String name) throws UsageException {
        String v = values.get(name);
        return v == null ? null : Durations.parse(name, v);
    }

    /** A duration option of at most {@link Durations#MAX}, or the fallback when it is not given. */
    public Duration duration(String name, Duration fallback) throws UsageException {
        Duration d = duration(name);
        return d == null ? fallback : d;
    }

    /** A time option (see {@link Durations#time}); {@code null} when it is not given. */
    public @Nullable Instant time(String name, Instant now) throws UsageException {
        String v = values.get(name);
        return v == null ? null : Durations.time(name, v, now);
    }

    /** A file or folder option; {@code null} when it is not given. Whether it exists is not checked. */
    public @Nullable Path path(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v.isBlank()) {
            throw new UsageException("--" + name + " needs a file or folder, not an empty value" + hint());
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + " " + shown(v) + ": not a valid path (" + e.getReason() + ")");
        }
    }

    /** A file or folder option, or the fallback when it is not given. */
    public Path path(String name, Path fallback) throws UsageException {
        Path p = path(name);
        return p == null ? fallback : p;
    }

    /** The end of a usage message: where to read more. */
    public String hint() {
        return "; see 'convergence " + command + " --help'";
    }

    /**
     * A value as a message repeats it: control and format characters replaced and long values cut, so
     * that the message stays one readable line whatever was typed.
     */
    public static String shown(String value) {
        // Control and format characters (line breaks, bidirectional overrides) could break the line
        // or make a terminal show it reordered.
        String oneLine = value.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
