package io.convergence.ui.connections.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * What a user needs to see of a server certificate before trusting it.
 *
 * @param file where it was read from
 * @param subject the subject's distinguished name
 * @param issuer the issuer's distinguished name
 * @param notBefore valid from
 * @param notAfter valid until
 * @param serialNumber in hexadecimal
 * @param sha1 SHA-1 fingerprint of the DER encoding, hex pairs separated by colons
 * @param sha256 SHA-256 fingerprint, as {@code sha1}
 * @param alternativeNames the subject alternative names: URIs, DNS names, IP addresses
 */
public record CertificateInfo(Path file, String subject, String issuer, Instant notBefore, Instant notAfter,
                              String serialNumber, String sha1, String sha256, List<String> alternativeNames) {

    public CertificateInfo {
        alternativeNames = List.copyOf(alternativeNames);
    }

    /** Reads a DER (or PEM) encoded X.509 certificate. */
    public static CertificateInfo read(Path file) throws IOException, CertificateException {
        X509Certificate c;
        try (InputStream in = Files.newInputStream(file)) {
            c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        byte[] der = c.getEncoded();
        return new CertificateInfo(file, c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
            c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), c.getSerialNumber().toString(16),
            fingerprint("SHA-1", der), fingerprint("SHA-256", der), alternativeNames(c));
    }

    /** Whether the certificate is valid at this time. */
    public boolean validAt(Instant t) {
        return !t.isBefore(notBefore) && !t.isAfter(notAfter);
    }

    /** Whether it signed itself (issuer and subject are the same). */
    public boolean selfSigned() {
        return subject.equals(issuer);
    }

    private static String fingerprint(String algorithm, byte[] der) throws CertificateException {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (GeneralSecurityException e) {
            throw new CertificateException(algorithm + " is not available: " + e.getMessage(), e);
        }
    }

    private static List<String> alternativeNames(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = c.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> n : names) {
                    if (n.size() >= 2 && n.get(1) instanceof String s) {
                        out.add(s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            out.add("(unreadable: " + e.getMessage() + ")");
        }
        return out;
    }
}
