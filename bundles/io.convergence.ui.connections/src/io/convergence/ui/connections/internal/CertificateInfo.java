package io.convergence.ui.connections.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import io.convergence.api.connector.CertificateDetails;

/**
 * What a user needs to see of a server certificate before trusting it: the connector's
 * {@link CertificateDetails}, with the serial number read from its encoding.
 *
 * @param subject the subject's distinguished name
 * @param issuer the issuer's distinguished name
 * @param notBefore valid from
 * @param notAfter valid until
 * @param serialNumber in hexadecimal; empty if the encoding cannot be read
 * @param sha1 SHA-1 fingerprint of the DER encoding, hex pairs separated by colons
 * @param sha256 SHA-256 fingerprint, as {@code sha1}
 * @param alternativeNames the subject alternative names: URIs, DNS names, IP addresses
 */
public record CertificateInfo(String subject, String issuer, Instant notBefore, Instant notAfter,
                              String serialNumber, String sha1, String sha256, List<String> alternativeNames) {

    public CertificateInfo {
        alternativeNames = List.copyOf(alternativeNames);
    }

    /** The details as shown. */
    public static CertificateInfo of(CertificateDetails d) {
        String serial;
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(d.encoded()));
            serial = c.getSerialNumber().toString(16);
        } catch (CertificateException | ClassCastException e) {
            serial = "";
        }
        return new CertificateInfo(d.subject(), d.issuer(), d.notBefore(), d.notAfter(), serial, d.sha1(), d.sha256(),
            d.alternativeNames());
    }

    /** Whether the certificate is valid at this time. */
    public boolean validAt(Instant t) {
        return !t.isBefore(notBefore) && !t.isAfter(notAfter);
    }

    /** Whether it signed itself (issuer and subject are the same). */
    public boolean selfSigned() {
        return subject.equals(issuer);
    }
}
