package io.convergence.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;


/** Repository locations as admins type them: URLs, folders and zip files. */
public final class RepositoryLocation {

    private RepositoryLocation() {
    }

    /**
     * A repository location from what an admin typed: {@code file:}, {@code http(s):} and
     * {@code jar:} URLs, a folder, or a zip file (read in place).
     */
    public static URI parse(String text) throws FeatureException {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new FeatureException(FeatureException.Kind.INVALID, "an empty repository location");
        }
        URI uri;
        if (t.matches("(?i)^(file|https?|jar):.*")) {
            try {
                uri = new URI(t);
            } catch (URISyntaxException e) {
                throw new FeatureException(FeatureException.Kind.INVALID, "repository " + t + ": not a URL (" + e.getReason() + ")");
            }
        } else if (t.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new FeatureException(FeatureException.Kind.INVALID, "repository " + t
                + ": unsupported scheme; use file:, http:, https: or a folder or zip file");
        } else {
            uri = Path.of(t).toAbsolutePath().normalize().toUri();
        }
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            Path p = Path.of(uri);
            if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return URI.create("jar:" + p.toUri() + "!/");
            }
            if (!Files.exists(p)) {
                throw new FeatureException(FeatureException.Kind.UNREACHABLE_REPOSITORY,
                    "repository " + t + ": no such folder or file (" + p + ")");
            }
        }
        return uri;
    }

    /** A comparable form: no trailing slash, lower-case scheme and host, file paths normalized. */
    public static String key(URI u) {
        String s = normalize(u).toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.replaceFirst("^file:///", "file:/");
    }

    /**
     * The location in one spelling: {@code file:} URLs as the folder's absolute path
     * ({@code file:////x}, {@code file:/x/./y} and {@code file:/x/y} are the same folder).
     */
    public static URI normalize(URI u) {
        if ("file".equalsIgnoreCase(u.getScheme()) && u.isAbsolute() && !u.isOpaque()) {
            try {
                return Path.of(u).toAbsolutePath().normalize().toUri();
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // not a local path: compare it as written
            }
        }
        return u.normalize();
    }
}
