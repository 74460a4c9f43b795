package io.convergence.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.internal.p2.artifact.processors.pgp.PGPPublicKeyStore;
import org.jspecify.annotations.Nullable;

import io.convergence.admin.TrustPolicy;

/**
 * The trust anchors of a policy: the certificates and PGP keys the admin added, and nothing else.
 * Neither the JDK's {@code cacerts} nor the framework's trust engines nor p2's remembered
 * certificates count; a certificate chain is trusted only if it verifies, link by link, up to one
 * of these certificates.
 */
final class TrustRoots {

    private final Map<String, X509Certificate> anchors = new HashMap<>();
    private final Map<Long, PGPPublicKey> keys = new HashMap<>();

    private TrustRoots() {
    }

    static TrustRoots of(TrustPolicy policy) {
        TrustRoots r = new TrustRoots();
        for (String pem : policy.certificates()) {
            for (Certificate c : parseCertificates(pem.getBytes(StandardCharsets.US_ASCII))) {
                if (c instanceof X509Certificate x) {
                    r.anchors.put(fingerprint(x), x);
                }
            }
        }
        for (String armored : policy.pgpKeys()) {
            for (PGPPublicKey k : pgpKeys(armored)) {
                r.keys.put(k.getKeyID(), k);
            }
        }
        return r;
    }

    /**
     * The anchor a signer's chain leads to, or null. The chain (signer first, as the signature block
     * carries it) must verify link by link; each issuer must be a certificate authority, except an
     * anchor that is the signer's own certificate (a publisher trusted directly).
     */
    @Nullable X509Certificate anchorFor(List<? extends Certificate> chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (!(chain.get(i) instanceof X509Certificate cert)) {
                return null;
            }
            X509Certificate direct = anchors.get(fingerprint(cert));
            if (direct != null) {
                return direct;
            }
            for (X509Certificate a : anchors.values()) {
                if (a.getBasicConstraints() >= 0 && a.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
                    && verifies(cert, a)) {
                    return a;
                }
            }
            if (i + 1 < chain.size()) {
                if (!(chain.get(i + 1) instanceof X509Certificate issuer) || issuer.getBasicConstraints() < 0
                    || !issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) || !verifies(cert, issuer)) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Nullable PGPPublicKey key(long keyId) {
        return keys.get(keyId);
    }

    /** Whether an anchor named as in {@link ContentSignature#anchor()} is still one of the policy's. */
    boolean trusts(String anchor) {
        return anchor.startsWith("pgp:") ? keys.keySet().stream().anyMatch(k -> ("pgp:" + keyId(k)).equals(anchor))
            : anchors.containsKey(anchor);
    }

    boolean isEmpty() {
        return anchors.isEmpty() && keys.isEmpty();
    }

    static List<Certificate> parseCertificates(byte[] data) {
        try {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(data)));
        } catch (CertificateException | RuntimeException e) {
            return List.of();
        }
    }

    static String fingerprint(Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            return "";
        }
    }

    static String subject(Certificate c) {
        return c instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : c.getType() + " certificate";
    }

    static List<PGPPublicKey> pgpKeys(String armored) {
        try {
            return new ArrayList<>(PGPPublicKeyStore.readPublicKeys(
                new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII))));
        } catch (IOException | RuntimeException e) {
            return List.of(); // an unreadable key trusts nothing
        }
    }

    static String keyId(long id) {
        return Long.toHexString(id).toUpperCase(java.util.Locale.ROOT);
    }
}
