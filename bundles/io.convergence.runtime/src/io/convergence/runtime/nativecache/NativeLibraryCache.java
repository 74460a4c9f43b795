package io.convergence.runtime.nativecache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

/**
 * Native libraries unpacked once into a cache folder, named by the CRC-32 and size that the jar's
 * directory records for them, and checked against that CRC before each use. Called by library code
 * that {@link io.convergence.runtime.internal.NativeLoaderWeaver} rewrote, in place of unpacking to a
 * new temporary file at every start; the caller then loads the returned file itself, so that the
 * library belongs to the caller's class loader as before.
 */
public final class NativeLibraryCache {

    /** The system property naming the cache folder; the launcher sets it. Without it nothing is cached. */
    public static final String CACHE_PROPERTY = "convergence.cache";

    /** Files handed out in this process: a second class loader of the library needs a path of its own. */
    private static final Set<Path> LOADED = ConcurrentHashMap.newKeySet();

    private NativeLibraryCache() {
    }

    /**
     * The file to load for a library resource: the cached copy (unpacked now if missing or damaged),
     * or, when no cache is configured or it cannot be used, a fresh temporary copy as the library
     * would have made itself.
     *
     * @param resource the library inside the jar, as the library found it
     * @param jar the jar that holds it; empty if not known
     * @return the absolute path of a file holding the library
     */
    public static String path(URL resource, String jar) throws IOException {
        String cache = System.getProperty(CACHE_PROPERTY);
        if (cache != null && !cache.isBlank() && !jar.isEmpty()) {
            try {
                Path p = cached(Path.of(jar), entryName(resource), Path.of(cache));
                if (p != null) {
                    return p.toString();
                }
            } catch (IOException | RuntimeException e) {
                // an unusable cache (full disk, no permission) must not stop the library: unpack as before
            }
        }
        return temporaryCopy(resource).toString();
    }

    /**
     * The cached copy of one jar entry under {@code cacheRoot}, unpacked if it is missing or its CRC
     * differs; {@code null} if the jar has no such entry.
     */
    static @Nullable Path cached(Path jar, String entry, Path cacheRoot) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry e = zip.getEntry(entry);
            if (e == null || e.getCrc() < 0 || e.getSize() < 0) {
                return null;
            }
            Path dir = cacheRoot.resolve("native").resolve(String.format(Locale.ROOT, "%08x-%d", e.getCrc(), e.getSize()));
            Path lib = dir.resolve(fileName(entry));
            if (!intact(lib, e)) {
                Files.createDirectories(dir);
                Path part = Files.createTempFile(dir, ".unpacking-", ".part");
                try {
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (!intact(part, e)) {
                        throw new IOException(entry + " of " + jar + " unpacked with a wrong CRC");
                    }
                    move(part, lib);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            return ownPath(lib);
        }
    }

    /** The cached file, or for a second loader in this process a hard link of its own (a copy if links fail). */
    private static Path ownPath(Path lib) throws IOException {
        if (LOADED.add(lib)) {
            return lib;
        }
        Path other = lib.resolveSibling(lib.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createLink(other, lib);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(lib, other);
        }
        other.toFile().deleteOnExit();
        LOADED.add(other);
        return other;
    }

    private static boolean intact(Path file, ZipEntry e) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != e.getSize()) {
            return false;
        }
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0;) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue() == e.getCrc();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What the library does without the cache: a new temporary file, deleted when the process ends. */
    private static Path temporaryCopy(URL resource) throws IOException {
        Path tmp = Files.createTempFile("libnative", ".so");
        try (InputStream in = resource.openStream(); OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
        }
        tmp.toFile().deleteOnExit();
        return tmp.toAbsolutePath();
    }

    private static String entryName(URL resource) {
        String p = resource.getPath();
        return p.startsWith("/") ? p.substring(1) : p;
    }

    /** {@code libduckdb_java.so_linux_amd64} becomes {@code libduckdb_java.so}: the name the library has on disk. */
    static String fileName(String entry) {
        String base = entry.substring(entry.lastIndexOf('/') + 1);
        int so = base.indexOf(".so");
        return so > 0 ? base.substring(0, so + 3) : base;
    }
}
