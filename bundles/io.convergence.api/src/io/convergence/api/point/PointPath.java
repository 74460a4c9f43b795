package io.convergence.api.point;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of a point in the plant hierarchy, written as segments joined by {@code /}, for
 * example {@code acme/lyon/packaging/line1/filler/temperature}.
 *
 * <p>The first segments follow the ISA-95 levels (enterprise, site, area, line, cell); a
 * connector may add deeper segments when its source is nested further. Segments are non-empty,
 * contain no {@code /}, no control characters and no leading or trailing blanks; use
 * {@link #segment(String)} to turn a source's name into a valid segment.
 *
 * @param segments the segments, outermost first; at least one
 */
public record PointPath(List<String> segments) implements Comparable<PointPath> {

    /** The longest path accepted, in characters, as written. */
    public static final int MAX_LENGTH = 1024;

    private static final Pattern INVALID = Pattern.compile("[/\\p{Cntrl}]");

    /**
     * @throws IllegalArgumentException if there are no segments or one is not valid
     */
    public PointPath {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a point path needs at least one segment");
        }
        segments = List.copyOf(segments);
        int length = segments.size() - 1;
        for (String s : segments) {
            checkSegment(s);
            length += s.length();
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("point path longer than " + MAX_LENGTH + " characters");
        }
    }

    /**
     * Parses a path written as segments joined by {@code /}.
     *
     * @throws IllegalArgumentException naming the offending segment if the text is not a valid path
     */
    public static PointPath parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty point path");
        }
        String[] parts = text.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw new IllegalArgumentException("point path '" + text + "': segment " + (i + 1) + " is empty");
            }
        }
        return new PointPath(List.of(parts));
    }

    /** Creates a path from its segments, outermost first. */
    public static PointPath of(String first, String... more) {
        List<String> list = new ArrayList<>(1 + more.length);
        list.add(first);
        list.addAll(List.of(more));
        return new PointPath(list);
    }

    /**
     * Turns any name into a valid segment: {@code /} and control characters become {@code _},
     * surrounding blanks are removed, and an empty name becomes {@code _}.
     */
    public static String segment(String name) {
        String s = INVALID.matcher(name).replaceAll("_").strip();
        return s.isEmpty() ? "_" : s;
    }

    /** A path one level deeper. */
    public PointPath child(String segment) {
        List<String> list = new ArrayList<>(segments.size() + 1);
        list.addAll(segments);
        list.add(segment);
        return new PointPath(list);
    }

    /** The last segment: the point's own name. */
    public String name() {
        return segments.get(segments.size() - 1);
    }

    /** The number of segments. */
    public int depth() {
        return segments.size();
    }

    /** Whether this path equals {@code prefix} or lies below it. */
    public boolean startsWith(PointPath prefix) {
        return prefix.segments.size() <= segments.size()
            && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    @Override
    public int compareTo(PointPath o) {
        int n = Math.min(segments.size(), o.segments.size());
        for (int i = 0; i < n; i++) {
            int c = segments.get(i).compareTo(o.segments.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(segments.size(), o.segments.size());
    }

    /** The path as written: segments joined by {@code /}. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }

    private static void checkSegment(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty path segment");
        }
        if (INVALID.matcher(s).find()) {
            throw new IllegalArgumentException("path segment '" + s + "' contains '/' or a control character");
        }
        if (!s.equals(s.strip())) {
            throw new IllegalArgumentException("path segment '" + s + "' has leading or trailing blanks");
        }
    }
}
