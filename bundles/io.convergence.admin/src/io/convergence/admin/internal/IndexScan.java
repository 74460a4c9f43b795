package io.convergence.admin.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.eclipse.core.runtime.CoreException;
import org.tukaani.xz.XZInputStream;
import org.jspecify.annotations.Nullable;

import io.convergence.admin.FeatureException;
import io.convergence.admin.RepositoryLocation;

/**
 * A look at a repository's index files before p2 parses them, for what p2 does not survive: p2
 * allocates every list at the size an element declares ({@code size='99999999'} stalls a load for
 * a minute, larger ones exhaust the heap of the running product), and follows a composite's
 * children without noticing a loop. Declared sizes together must fit the text that declares them,
 * the text must stay within a bound once unpacked, and composites must end. Index files are read
 * through the product's transport, as p2 reads them.
 */
final class IndexScan {

    private static final String[] INDEXES = {"content.xml.xz", "content.jar", "content.xml", "artifacts.xml.xz",
        "artifacts.jar", "artifacts.xml", "compositeContent.jar", "compositeContent.xml", "compositeArtifacts.jar",
        "compositeArtifacts.xml"};
    private static final long MAX_TEXT = 512L << 20;
    private static final int MAX_DEPTH = 8;

    private final JdkTransport transport;
    private final Set<String> seen = new HashSet<>();

    private IndexScan(JdkTransport transport) {
        this.transport = transport;
    }

    static void check(JdkTransport transport, URI location) throws FeatureException {
        new IndexScan(transport).scan(location, location, 0, new ArrayList<>());
    }

    private void scan(URI location, URI root, int depth, List<String> path) throws FeatureException {
        String key = RepositoryLocation.key(location);
        if (path.contains(key)) {
            throw invalid(root, "it is a composite repository that contains itself (" + String.join(" -> ", path) + " -> "
                + location + ")");
        }
        if (depth > MAX_DEPTH || !seen.add(key)) {
            if (depth > MAX_DEPTH) {
                throw invalid(root, "it nests composite repositories more than " + MAX_DEPTH + " deep (at " + location + ")");
            }
            return;
        }
        List<String> next = new ArrayList<>(path);
        next.add(key);
        for (String name : INDEXES) {
            URI file = URI.create(location.toString().endsWith("/") ? location + name : location + "/" + name);
            List<String> children = read(file, name, root);
            for (String child : children) {
                URI c;
                try {
                    c = RepositoryLocation.normalize(URI.create(location.toString().endsWith("/") ? location.toString()
                        : location + "/").resolve(child));
                } catch (IllegalArgumentException e) {
                    throw invalid(root, name + " names a child that is no location: '" + Names.shown(child) + "'");
                }
                scan(c, root, depth + 1, next);
            }
        }
    }

    /** Scans one index file, if there; returns the child locations a composite index names. */
    private List<String> read(URI file, String name, URI root) throws FeatureException {
        InputStream raw;
        try {
            raw = transport.stream(file, null);
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (CoreException e) {
            return List.of(); // unreachable: p2 says so in its own words when it loads
        }
        try (InputStream in = unpack(raw, name)) {
            if (in == null) {
                return List.of();
            }
            return text(new InputStreamReader(in, StandardCharsets.UTF_8), name, root);
        } catch (IOException e) {
            return List.of(); // damaged: p2 reports it when it reads the file
        }
    }

    private static @Nullable InputStream unpack(InputStream raw, String name) throws IOException {
        if (name.endsWith(".xz")) {
            return new XZInputStream(raw, 64 * 1024); // at most 64 MB of decoder memory
        }
        if (name.endsWith(".jar")) {
            ZipInputStream z = new ZipInputStream(raw);
            String inner = name.replace(".jar", ".xml");
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                if (e.getName().equals(inner)) {
                    return z;
                }
            }
            z.close();
            return null;
        }
        return raw;
    }

    /** Sums the declared sizes and collects composite children in one pass over the text. */
    private static List<String> text(Reader r, String name, URI root) throws IOException, FeatureException {
        List<String> children = new ArrayList<>();
        StringBuilder window = new StringBuilder();
        long length = 0;
        long declared = 0;
        char[] buf = new char[64 * 1024];
        for (int n; (n = r.read(buf)) > 0;) {
            length += n;
            if (length > MAX_TEXT) {
                throw invalid(root, name + " unpacks to more than " + (MAX_TEXT >> 20) + " MB");
            }
            window.append(buf, 0, n);
            int cut = window.lastIndexOf(">");
            if (cut < 0 && window.length() < 1 << 20) {
                continue;
            }
            String part = cut < 0 ? window.toString() : window.substring(0, cut + 1);
            window.delete(0, cut < 0 ? window.length() : cut + 1);
            declared += sizes(part, name, root);
            children(part, children);
        }
        declared += sizes(window.toString(), name, root);
        children(window.toString(), children);
        if (declared > Math.max(1000, length / 8)) {
            throw invalid(root, name + " declares " + declared + " entries in " + length + " characters of text: a damaged"
                + " or hostile index");
        }
        return name.startsWith("composite") ? children : List.of();
    }

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("\\ssize\\s*=\\s*['\"]([^'\"]*)['\"]");
    private static final java.util.regex.Pattern CHILD = java.util.regex.Pattern
        .compile("<child\\s+location\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\")");

    private static long sizes(String text, String name, URI root) throws FeatureException {
        long sum = 0;
        var m = SIZE.matcher(text);
        while (m.find()) {
            String v = m.group(1).strip();
            if (!v.matches("\\d{1,9}")) {
                if (v.matches("-?\\d+")) {
                    throw invalid(root, name + " declares a size of " + Names.shown(v) + " entries");
                }
                continue; // not a number: p2 says so when it reads the file
            }
            sum += Long.parseLong(v);
        }
        return sum;
    }

    private static void children(String text, List<String> into) {
        var m = CHILD.matcher(text);
        while (m.find()) {
            into.add((m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&").replace("&apos;", "'"));
        }
    }

    private static FeatureException invalid(URI root, String why) {
        return new FeatureException(FeatureException.Kind.INVALID, "repository " + root + " cannot be read: " + why);
    }
}
