import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Copies signed jars without their signatures, for the launcher's start-up cache (docs/adr/0014-start-up.md).
 *
 * <p>The JVM checks every class of a signed jar against its digest as it loads it, and never puts such a
 * class into the class data archive. The framework's jars are loaded at every start, so the launcher runs
 * them from copies without the signature files. Each jar is verified first, every entry read against its
 * signature: a jar that does not verify is not copied (the launcher then uses the original, which the JVM
 * refuses to load as before). The copy keeps every other entry byte for byte and the manifest's main
 * attributes (the OSGi headers), without the per-entry digests.
 *
 * <pre>java UnsignedCopy.java TARGET-FOLDER JAR...</pre>
 *
 * Exit code 0 when every jar was copied, 1 when one was not (with the reason on standard error).
 */
public final class UnsignedCopy {

    private UnsignedCopy() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: java UnsignedCopy.java TARGET-FOLDER JAR...");
            System.exit(2);
        }
        Path target = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path jar = Path.of(args[i]);
            try {
                copy(jar, target.resolve(jar.getFileName()));
            } catch (IOException | SecurityException e) {
                System.err.println("UnsignedCopy: " + jar + ": " + e.getMessage());
                System.exit(1);
            }
        }
    }

    static void copy(Path jar, Path out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (JarFile in = new JarFile(jar.toFile(), true)) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                throw new IOException("no manifest");
            }
            // Reading an entry to its end checks it against the signature: a changed class throws here.
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.isDirectory() || entry.getName().equals(JarFile.MANIFEST_NAME) || signature(entry.getName())) {
                    continue;
                }
                try (InputStream s = in.getInputStream(entry)) {
                    while (s.read(buffer) >= 0) {
                        // read to the end
                    }
                }
            }
            manifest = new Manifest(manifest);
            manifest.getEntries().clear();
            try (OutputStream file = Files.newOutputStream(out);
                 JarOutputStream copy = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    String name = entry.getName();
                    if (name.equals(JarFile.MANIFEST_NAME) || signature(name)) {
                        continue;
                    }
                    JarEntry plain = new JarEntry(name);
                    plain.setTime(entry.getTime());
                    copy.putNextEntry(plain);
                    try (InputStream s = in.getInputStream(entry)) {
                        s.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
        }
    }

    /** A signature file of the jar: META-INF/*.SF and its signature block. */
    private static boolean signature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
            || upper.startsWith("META-INF/SIG-");
    }
}
