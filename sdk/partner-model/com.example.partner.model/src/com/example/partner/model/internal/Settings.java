package com.example.partner.model.internal;

import java.util.ArrayList;
import java.util.List;

import io.convergence.api.point.Micros;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointPath;

/**
 * A statistics model's settings, checked: what {@link StatisticsConfig} says, in the types the model
 * works with.
 *
 * @param id the model's id
 * @param inputs the points whose samples count
 * @param windowMicros the window length
 * @param graceMicros how long a live run waits after a window's end
 * @param output the path the statistics are published under
 */
public record Settings(String id, PointFilter inputs, long windowMicros, long graceMicros, PointPath output) {

    /** What a path ends with to stand for every point below it. */
    static final String BELOW = "/**";

    /**
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public Settings {
        if (id.isBlank()) {
            throw new IllegalArgumentException("id: a model needs an id");
        }
        if (windowMicros < 1) {
            throw new IllegalArgumentException("windowSeconds: a window must last at least a second");
        }
        if (graceMicros < 0) {
            throw new IllegalArgumentException("graceSeconds: the grace cannot be negative");
        }
    }

    /** Settings from a configuration. */
    static Settings of(StatisticsConfig c) {
        String id = c.id().strip();
        return new Settings(id, inputs(c.inputs()), c.windowSeconds() * Micros.PER_SECOND,
            c.graceSeconds() * Micros.PER_SECOND, path("outputPath", c.outputPath()));
    }

    /**
     * The input filter of configured paths: exact points, or every point below a path ending in {@code /**}.
     *
     * @throws IllegalArgumentException naming the entry that is not a point path
     */
    public static PointFilter inputs(String... entries) {
        List<PointPath> paths = new ArrayList<>();
        List<PointPath> below = new ArrayList<>();
        for (String e : entries) {
            String s = e.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.endsWith(BELOW)) {
                below.add(path("inputs", s.substring(0, s.length() - BELOW.length())));
            } else {
                paths.add(path("inputs", s));
            }
        }
        return PointFilter.paths(paths).or(PointFilter.prefixes(below));
    }

    private static PointPath path(String setting, String text) {
        try {
            return PointPath.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": '" + text + "' is not a point path (" + e.getMessage() + ")", e);
        }
    }
}
