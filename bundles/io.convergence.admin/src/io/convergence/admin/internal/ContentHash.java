package io.convergence.admin.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What an artifact holds, as one SHA-256, whether it is a jar or the folder p2 unpacks it into
 * (features, and bundles shaped as folders, live unpacked in the bundle pool): the hash of its
 * entries' names and contents in name order. A file that is no zip is hashed as it is.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(File f) {
        try {
            if (f.isDirectory()) {
                return "tree:" + tree(folder(f.toPath()));
            }
            try (ZipFile z = new ZipFile(f)) {
                Map<String, String> entries = new TreeMap<>();
                for (ZipEntry e : Collections.list(z.entries())) {
                    if (!e.isDirectory()) {
                        try (InputStream in = z.getInputStream(e)) {
                            entries.put(e.getName(), sha256(in));
                        }
                    }
                }
                return "tree:" + tree(entries);
            } catch (ZipException e) {
                try (InputStream in = Files.newInputStream(f.toPath())) {
                    return "raw:" + sha256(in);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable:" + f + ": " + e.getMessage();
        }
    }

    private static Map<String, String> folder(Path dir) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    entries.put(dir.relativize(p).toString().replace(File.separatorChar, '/'), sha256(in));
                }
            }
        }
        return entries;
    }

    private static String tree(Map<String, String> entries) {
        StringBuilder b = new StringBuilder();
        entries.forEach((k, v) -> b.append(k).append('\0').append(v).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Packs a folder into a jar, manifest and signature files first as a signed jar has them, so
     * that the jar verifier can judge an unpacked artifact.
     */
    static void pack(Path dir, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted((a, b) -> Integer.compare(rank(dir, a), rank(dir, b)) != 0
                ? Integer.compare(rank(dir, a), rank(dir, b)) : a.compareTo(b)).toList();
        }
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
            for (Path p : files) {
                out.putNextEntry(new JarEntry(dir.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private static int rank(Path dir, Path p) {
        String n = dir.relativize(p).toString().replace(File.separatorChar, '/').toUpperCase(java.util.Locale.ROOT);
        return n.equals("META-INF/MANIFEST.MF") ? 0 : n.startsWith("META-INF/") && n.indexOf('/', 9) < 0 ? 1 : 2;
    }
}
