package io.convergence.admin.internal;

import java.io.File;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;

import io.convergence.admin.TrustPolicy;
import io.convergence.admin.TrustState;

/** How installed jars are signed, judged against the trust policy's own anchors (see {@link ContentSignature}). */
final class Signatures {

    private Signatures() {
    }

    record Verdict(TrustState state, String signer) {
        static Verdict product() {
            return new Verdict(TrustState.PRODUCT, "");
        }
    }

    static Verdict verdict(TrustPolicy policy, List<File> jars) {
        if (jars.isEmpty()) {
            return new Verdict(TrustState.UNSIGNED, "");
        }
        TrustRoots roots = TrustRoots.of(policy);
        TrustState worst = TrustState.TRUSTED;
        String signer = "";
        for (File jar : jars) {
            ContentSignature s = jar.isDirectory() ? unpacked(jar, roots) : ContentSignature.jar(jar, roots);
            switch (s.kind()) {
                case UNSIGNED -> {
                    return new Verdict(TrustState.UNSIGNED, "");
                }
                case BROKEN -> {
                    return new Verdict(TrustState.UNTRUSTED, jar.getName() + ": " + s.why());
                }
                case UNTRUSTED -> worst = TrustState.UNTRUSTED;
                case TRUSTED -> {
                    // the best case; keep looking at the others
                }
            }
            signer = s.signer().isEmpty() ? signer : s.signer();
        }
        return new Verdict(worst, signer);
    }

    /** A bundle unpacked in the pool, judged as the jar it was. */
    private static ContentSignature unpacked(File dir, TrustRoots roots) {
        java.nio.file.Path jar = null;
        try {
            jar = java.nio.file.Files.createTempFile("convergence-unpacked", ".jar");
            ContentHash.pack(dir.toPath(), jar);
            return ContentSignature.jar(jar.toFile(), roots);
        } catch (java.io.IOException e) {
            return new ContentSignature(ContentSignature.Kind.BROKEN, "", "it cannot be read (" + e.getMessage() + ")", "");
        } finally {
            if (jar != null) {
                jar.toFile().delete();
            }
        }
    }

    static String pem(Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
