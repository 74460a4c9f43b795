package io.convergence.admin.internal;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.eclipse.osgi.signedcontent.SignedContent;
import org.eclipse.osgi.signedcontent.SignedContentFactory;
import org.eclipse.osgi.signedcontent.SignerInfo;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.convergence.admin.TrustPolicy;
import io.convergence.admin.TrustState;

/** How installed jars are signed, verified by the framework's signed-content support. */
final class Signatures {

    private Signatures() {
    }

    record Verdict(TrustState state, String signer) {
        static Verdict product() {
            return new Verdict(TrustState.PRODUCT, "");
        }
    }

    static Verdict verdict(BundleContext bc, TrustPolicy policy, List<File> jars) {
        ServiceReference<SignedContentFactory> ref = bc.getServiceReference(SignedContentFactory.class);
        if (ref == null || jars.isEmpty()) {
            return new Verdict(TrustState.UNSIGNED, "");
        }
        SignedContentFactory f = bc.getService(ref);
        try {
            Set<String> anchors = PolicyTrust.encoded(policy.certificates());
            TrustState worst = TrustState.TRUSTED;
            String signer = "";
            for (File jar : jars) {
                SignedContent c = f.getSignedContent(jar);
                if (!c.isSigned()) {
                    return new Verdict(TrustState.UNSIGNED, "");
                }
                boolean trusted = false;
                for (SignerInfo s : c.getSignerInfos()) {
                    Certificate[] chain = s.getCertificateChain();
                    signer = PolicyTrust.subject(chain[0]).replace("'", "");
                    for (Certificate cert : chain) {
                        trusted |= anchors.contains(PolicyTrust.fingerprint(cert));
                    }
                    trusted |= s.isTrusted();
                }
                if (!trusted) {
                    worst = TrustState.UNTRUSTED;
                }
            }
            return new Verdict(worst, signer);
        } catch (IOException | GeneralSecurityException e) {
            return new Verdict(TrustState.UNTRUSTED, "unreadable signature: " + e.getMessage());
        } finally {
            bc.ungetService(ref);
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
