package io.convergence.ui.connections.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A server certificate that a connector refused, found from the connector's state, and how to
 * trust it: move it from {@code <pki>/rejected/} to {@code <pki>/trusted/certs/}. The connector
 * watches that folder and retries by itself.
 *
 * @param rejectedFile the refused certificate
 * @param trustedDir where trusted certificates go
 */
public record UntrustedCertificate(Path rejectedFile, Path trustedDir) {

    /** "... move /pki/rejected/ab12.der to /pki/trusted/certs/ and ...", as the OPC UA connector says. */
    private static final Pattern MOVE = Pattern.compile("move (\\S.*?\\.der) to (\\S.*?)/? and ");
    /** Any path to a .der file in a folder named rejected. */
    private static final Pattern REJECTED = Pattern.compile("(/\\S*?/rejected/[^\\s/]+\\.der)");

    /**
     * Finds the refused certificate a connector's state detail speaks of: the file it names, or,
     * when it only says that a certificate is not trusted, the newest file in {@code <pkiDir>/rejected}.
     *
     * @param detail the connector's state detail
     * @param pkiDir the connector's configured PKI folder; empty if unknown
     */
    public static Optional<UntrustedCertificate> find(String detail, String pkiDir) {
        Matcher m = MOVE.matcher(detail);
        if (m.find()) {
            Path f = Path.of(m.group(1));
            if (Files.isRegularFile(f)) {
                return Optional.of(new UntrustedCertificate(f, Path.of(m.group(2))));
            }
        }
        m = REJECTED.matcher(detail);
        if (m.find()) {
            Path f = Path.of(m.group(1));
            if (Files.isRegularFile(f)) {
                return Optional.of(new UntrustedCertificate(f, trustedDirOf(f.getParent().getParent())));
            }
        }
        String lower = detail.toLowerCase(Locale.ROOT);
        if (!pkiDir.isBlank() && (lower.contains("not trusted") || lower.contains("untrusted"))) {
            Path newest = newest(Path.of(pkiDir).resolve("rejected"));
            if (newest != null) {
                return Optional.of(new UntrustedCertificate(newest, trustedDirOf(Path.of(pkiDir))));
            }
        }
        return Optional.empty();
    }

    /** Reads the certificate. */
    public CertificateInfo info() throws IOException, java.security.cert.CertificateException {
        return CertificateInfo.read(rejectedFile);
    }

    /**
     * Trusts the certificate: moves it into the trusted folder.
     *
     * @return where it is now
     */
    public Path trust() throws IOException {
        Files.createDirectories(trustedDir);
        Path target = trustedDir.resolve(rejectedFile.getFileName());
        try {
            return Files.move(rejectedFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(rejectedFile, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path trustedDirOf(Path pki) {
        return pki.resolve("trusted").resolve("certs");
    }

    private static @Nullable Path newest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Path best = null;
        FileTime bestTime = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.der")) {
            for (Path f : files) {
                FileTime t = Files.getLastModifiedTime(f);
                if (bestTime == null || t.compareTo(bestTime) > 0) {
                    best = f;
                    bestTime = t;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return best;
    }
}
