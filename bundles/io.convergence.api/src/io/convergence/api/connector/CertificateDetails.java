package io.convergence.api.connector;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * A certificate as a user needs to judge it, read from the certificate itself, never from text a
 * server wrote.
 *
 * @param subject the subject's distinguished name
 * @param issuer the issuer's distinguished name
 * @param sha1 the SHA-1 thumbprint, as OPC UA tools show it: hex pairs joined by {@code :}
 * @param sha256 the SHA-256 thumbprint, hex pairs joined by {@code :}
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param alternativeNames the subject alternative names (URIs, DNS names, addresses), as text
 * @param encoded the DER encoding, to store the certificate when the user trusts it
 * @since 1.1
 */
public record CertificateDetails(String subject, String issuer, String sha1, String sha256, Instant notBefore,
                                 Instant notAfter, List<String> alternativeNames, byte[] encoded) {

    /** Copies the names and the encoding. */
    public CertificateDetails {
        alternativeNames = List.copyOf(alternativeNames);
        encoded = encoded.clone();
    }

    /** The encoding, copied. */
    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    /** Reads the details of an X.509 certificate. */
    public static CertificateDetails of(X509Certificate c) {
        try {
            byte[] der = c.getEncoded();
            return new CertificateDetails(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                thumbprint("SHA-1", der), thumbprint("SHA-256", der), c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(), names(c), der);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Whether the certificate is valid at the given time. */
    public boolean validAt(Instant t) {
        return !t.isBefore(notBefore) && !t.isAfter(notAfter);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateDetails d && Arrays.equals(d.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "certificate " + subject + " (SHA-1 " + sha1 + ")";
    }

    private static String thumbprint(String algorithm, byte[] der) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    private static List<String> names(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> all = c.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> entry : all) {
                    if (entry.size() >= 2 && entry.get(1) instanceof String s) {
                        out.add(s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no readable alternative names: the rest of the details still stand
        }
        return out;
    }
}
