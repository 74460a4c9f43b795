package io.convergence.api.config;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration could not be used; nothing of it was applied. The message lists every problem,
 * one a line.
 *
 * @since 1.0
 */
public class ConfigException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** @param problems what is wrong, at least one */
    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** A single problem with the whole file or text. */
    public static ConfigException of(String file, String message) {
        return new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", message)));
    }

    /** Every problem found, in file order. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
