package io.convergence.ui.features.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.convergence.admin.TrustPolicy;

import org.eclipse.osgi.util.NLS;

/** The trust policy as a user reads it: one line per trusted publisher, and what unsigned content is accepted. */
public final class TrustSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private TrustSummary() {
    }

    /** One line per trusted certificate, then per trusted PGP key, in the policy's order. */
    public static List<String> publishers(TrustPolicy policy) {
        List<String> out = new ArrayList<>();
        for (String pem : policy.certificates()) {
            out.add(certificate(pem));
        }
        for (String key : policy.pgpKeys()) {
            out.add(pgpKey(key));
        }
        return out;
    }

    /** What unsigned content the policy accepts. */
    public static String unsigned(TrustPolicy policy) {
        if (policy.allowUnsigned()) {
            return Messages.TrustPolicy_unsignedAnywhere;
        }
        if (policy.unsignedRepositories().isEmpty()) {
            return Messages.TrustPolicy_unsignedNowhere;
        }
        return NLS.bind(Messages.TrustPolicy_unsignedFrom, String.join(", ",
            policy.unsignedRepositories().stream().map(Object::toString).toList()));
    }

    /** {@code Certificate: CN=…, valid until 2027-01-01}; the PEM's first line if it does not parse. */
    static String certificate(String pem) {
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return NLS.bind(Messages.TrustPolicy_certificate, c.getSubjectX500Principal().getName(),
                DAY.format(c.getNotAfter().toInstant()));
        } catch (CertificateException | ClassCastException e) {
            return NLS.bind(Messages.TrustPolicy_certificateUnreadable, firstLine(pem));
        }
    }

    /** {@code PGP key: <its Comment header>} when the armour has one. */
    static String pgpKey(String armored) {
        for (String line : armored.lines().toList()) {
            if (line.startsWith("Comment:")) {
                return NLS.bind(Messages.TrustPolicy_pgpKey, line.substring("Comment:".length()).strip());
            }
            if (line.isBlank()) {
                break;
            }
        }
        return NLS.bind(Messages.TrustPolicy_pgpKey, NLS.bind(Messages.TrustPolicy_pgpKeyLength, armored.length()));
    }

    private static String firstLine(String s) {
        return s.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }
}
