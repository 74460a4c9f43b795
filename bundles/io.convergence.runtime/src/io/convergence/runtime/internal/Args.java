package io.convergence.runtime.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The options and operands of one command: {@code --name value}, {@code --name=value} and
 * {@code --flag}. Unknown options and missing values are usage errors that name the command.
 */
final class Args {

    private final String command;
    private final Map<String, String> values = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    /**
     * @param command the command's name, for messages
     * @param args what follows the command's name
     * @param withValue options that take a value
     * @param flags options that take none
     */
    Args(String command, List<String> args, Set<String> withValue, Set<String> flags) throws UsageException {
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

    boolean help() {
        return values.containsKey("help");
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    @Nullable String value(String name) {
        return values.get(name);
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    List<String> operands() {
        return operands;
    }

    String hint() {
        return "; see 'convergence " + command + " --help'";
    }

    /** A value as a message repeats it: long ones cut, so that the message stays one readable line. */
    static String shown(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
