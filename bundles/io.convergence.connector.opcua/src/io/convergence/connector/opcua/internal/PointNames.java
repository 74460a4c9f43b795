package io.convergence.connector.opcua.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.convergence.api.point.PointPath;

import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.jspecify.annotations.Nullable;

/**
 * Turns browse paths into point paths that are valid and unique, the same way every time.
 *
 * <p>A browse path becomes a point path by cleaning each name ({@link PointPath#segment}). Two things
 * can still go wrong, and neither may stop the connector:
 * <ul>
 * <li><b>Too long.</b> A name longer than {@value #MAX_SEGMENT} characters is cut and ends in
 *     {@code ~} and a hash of the whole name; a path longer than {@link PointPath#MAX_LENGTH} keeps
 *     its first and last segments and replaces those between by one {@code ~}hash segment.
 * <li><b>Taken.</b> Several variables on the same path ({@code A/B} cleaned beside {@code A_B}, the
 *     same name in two namespaces): the one whose name needed no cleaning keeps the path, ties broken
 *     by namespace URI and identifier; every other gets {@code ~} and a hash of its node id (namespace
 *     URI and identifier) appended to its last segment.
 * </ul>
 * The hashes depend on the node alone, not on browse order or namespace indexes, so a server
 * browsed again yields the same paths, and a path always leads back to the same node.
 */
final class PointNames {

    /** Longer names are cut (and made unique with a hash). */
    static final int MAX_SEGMENT = 128;
    private static final int HASH_CHARS = 8;
    /** The ending this class appends: {@code ~} and eight hex digits. */
    private static final Pattern SUFFIX = Pattern.compile("~[0-9a-f]{" + HASH_CHARS + "}$");

    /** One variable to place. */
    record Candidate(NodeId node, String key, List<String> rawNames, List<String> segments) {
        /** Whether every name was a valid segment already. */
        boolean clean() {
            return segments.equals(rawNames);
        }

        /** Whether a name was cut for its length (not only cleaned). */
        boolean cut() {
            for (int i = 0; i < segments.size(); i++) {
                if (!segments.get(i).equals(PointPath.segment(rawNames.get(i)))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Where a candidate went, and why if not to its plain path. */
    record Placement(Candidate candidate, PointPath path, @Nullable String reason) {
    }

    private final List<String> prefix;

    PointNames(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** The path of a browse path without collision handling: cleaned, and shortened if too long. */
    PointPath base(List<String> segments) {
        List<String> all = new ArrayList<>(prefix.size() + segments.size());
        all.addAll(prefix);
        for (String s : segments) {
            all.add(shortSegment(s));
        }
        if (length(all) <= PointPath.MAX_LENGTH) {
            return new PointPath(all);
        }
        // Keep the prefix, the first segment below it and the last one; hash the rest into one.
        int first = Math.min(prefix.size() + 1, all.size() - 1);
        String last = all.get(all.size() - 1);
        List<String> middle = all.subList(first, all.size() - 1);
        List<String> out = new ArrayList<>(all.subList(0, first));
        out.add("~" + hash(String.join("/", middle)));
        out.add(last);
        while (length(out) > PointPath.MAX_LENGTH && out.size() > 2) {
            // a very long prefix: fold more into the hash segment
            out.remove(out.size() - 3);
        }
        return new PointPath(out);
    }

    /**
     * Places candidates: each gets its base path unless another has it; see the class comment.
     *
     * @param taken paths already given to other nodes, and to which; a candidate never gets one of them
     */
    List<Placement> place(List<Candidate> candidates, Function<PointPath, @Nullable NodeId> taken) {
        Map<PointPath, List<Candidate>> byPath = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byPath.computeIfAbsent(base(c.segments()), p -> new ArrayList<>()).add(c);
        }
        List<Placement> out = new ArrayList<>(candidates.size());
        for (Map.Entry<PointPath, List<Candidate>> e : byPath.entrySet()) {
            PointPath path = e.getKey();
            List<Candidate> group = e.getValue();
            group.sort(Comparator.comparing((Candidate c) -> !c.clean()).thenComparing(Candidate::key));
            NodeId owner = taken.apply(path);
            boolean free = owner == null || owner.equals(group.get(0).node());
            boolean collapsed = !path.segments().subList(prefix.size(), path.depth()).equals(group.get(0).segments());
            for (int i = 0; i < group.size(); i++) {
                Candidate c = group.get(i);
                if (i == 0 && free) {
                    String why = collapsed ? "the path is longer than " + PointPath.MAX_LENGTH + " characters"
                        : c.cut() ? "a name is longer than " + MAX_SEGMENT + " characters" : null;
                    out.add(new Placement(c, path, why));
                } else {
                    NodeId holder = free || owner == null ? group.get(0).node() : owner;
                    out.add(new Placement(c, suffixed(path, c.key()), "same path as node "
                        + holder.toParseableString()));
                }
            }
        }
        return out;
    }

    /** The segments of a point below the prefix, or {@code null} if the point lies outside it. */
    @Nullable List<String> relative(PointPath point) {
        List<String> s = point.segments();
        if (s.size() <= prefix.size() || !s.subList(0, prefix.size()).equals(prefix)) {
            return null;
        }
        return s.subList(prefix.size(), s.size());
    }

    /** The base path a path with a {@code ~hash} ending was made from, or the path itself. */
    static String withoutSuffix(String segment) {
        return SUFFIX.matcher(segment).replaceFirst("");
    }

    /** A key for ordering and hashing that does not depend on namespace indexes. */
    static String key(String namespaceUri, String identifier) {
        return namespaceUri + ";" + identifier;
    }

    private static PointPath suffixed(PointPath path, String key) {
        String end = "~" + hash(key);
        List<String> s = new ArrayList<>(path.segments());
        String last = s.get(s.size() - 1);
        int room = Math.min(MAX_SEGMENT, PointPath.MAX_LENGTH - (length(s) - last.length())) - end.length();
        s.set(s.size() - 1, last.substring(0, Math.max(1, Math.min(last.length(), room))).strip() + end);
        return new PointPath(s);
    }

    /** The segment a name becomes on its own: cleaned, and cut with a hash if too long. */
    static String segmentOf(String rawName) {
        return shortSegment(PointPath.segment(rawName));
    }

    private static String shortSegment(String s) {
        if (s.length() <= MAX_SEGMENT) {
            return s;
        }
        return s.substring(0, MAX_SEGMENT - HASH_CHARS - 1).strip() + "~" + hash(s);
    }

    private static int length(List<String> segments) {
        int n = segments.size() - 1;
        for (String s : segments) {
            n += s.length();
        }
        return n;
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, HASH_CHARS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
