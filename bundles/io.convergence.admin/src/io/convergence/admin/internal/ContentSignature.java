package io.convergence.admin.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.CodeSigner;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.eclipse.equinox.internal.p2.artifact.processors.pgp.PGPSignatureVerifier;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * How one artifact file is signed, judged against {@link TrustRoots} only. Jar signatures are
 * verified by the JDK's jar verifier (every entry read and checked; an entry the signature does
 * not cover makes the jar unacceptable, as content added after signing would be), PGP signatures
 * that the repository lists for the artifact by Bouncy Castle against the policy's keys.
 * {@code anchor} names what the trust rests on: the SHA-256 of the policy's certificate the signer
 * chains to, or {@code pgp:KEYID}; empty unless trusted.
 */
record ContentSignature(Kind kind, String signer, String why, String anchor) {

    enum Kind {
        /** Signed by a publisher the policy trusts. */
        TRUSTED,
        /** Signed, by someone the policy does not trust (or with an expired certificate). */
        UNTRUSTED,
        /** Not signed. */
        UNSIGNED,
        /** A signature that does not match the content, or a jar that cannot be read. */
        BROKEN
    }

    static ContentSignature check(File file, @Nullable IArtifactDescriptor descriptor, TrustRoots roots) {
        ContentSignature jar = jar(file, roots);
        if (jar.kind == Kind.TRUSTED || jar.kind == Kind.BROKEN || descriptor == null) {
            return jar;
        }
        ContentSignature pgp = pgp(file, descriptor, roots);
        return pgp == null ? jar : pgp;
    }

    static ContentSignature jar(File file, TrustRoots roots) {
        Set<CodeSigner> common = null;
        List<String> uncovered = new ArrayList<>();
        try (JarFile jf = new JarFile(file, true)) {
            byte[] buf = new byte[64 * 1024];
            for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements();) {
                JarEntry e = en.nextElement();
                if (e.isDirectory() || signatureFile(e.getName())) {
                    continue;
                }
                try (InputStream in = jf.getInputStream(e)) {
                    while (in.read(buf) >= 0) {
                        // reading the whole entry makes the verifier check its digest
                    }
                }
                CodeSigner[] cs = e.getCodeSigners();
                if (cs == null || cs.length == 0) {
                    uncovered.add(e.getName());
                    continue;
                }
                if (common == null) {
                    common = new HashSet<>(List.of(cs));
                } else {
                    common.retainAll(List.of(cs));
                }
            }
        } catch (SecurityException e) {
            return new ContentSignature(Kind.BROKEN, "", "its content does not match its signature (" + e.getMessage() + ")", "");
        } catch (ZipException e) {
            return new ContentSignature(Kind.UNSIGNED, "", "not a jar", "");
        } catch (IOException e) {
            return new ContentSignature(Kind.BROKEN, "", "it cannot be read (" + e.getMessage() + ")", "");
        }
        if (common == null) {
            return new ContentSignature(Kind.UNSIGNED, "", "", "");
        }
        if (!uncovered.isEmpty()) {
            return new ContentSignature(Kind.BROKEN, "", "it holds entries its signature does not cover ("
                + String.join(", ", uncovered.subList(0, Math.min(3, uncovered.size()))) + ")", "");
        }
        if (common.isEmpty()) {
            return new ContentSignature(Kind.BROKEN, "", "no one signer signed all of it", "");
        }
        String firstSigner = "";
        String why = "a publisher the trust policy does not trust";
        for (CodeSigner s : common) {
            var chain = s.getSignerCertPath().getCertificates();
            String subject = chain.isEmpty() ? "?" : TrustRoots.subject(chain.get(0));
            firstSigner = firstSigner.isEmpty() ? subject : firstSigner;
            X509Certificate anchor = roots.anchorFor(chain);
            if (anchor == null) {
                continue;
            }
            Date at = s.getTimestamp() != null ? s.getTimestamp().getTimestamp() : new Date();
            try {
                ((X509Certificate) chain.get(0)).checkValidity(at);
                return new ContentSignature(Kind.TRUSTED, subject, "", TrustRoots.fingerprint(anchor));
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                why = "a certificate that is not valid at the time of signing (" + e.getMessage() + ")";
            }
        }
        return new ContentSignature(Kind.UNTRUSTED, firstSigner, why, "");
    }

    private static boolean signatureFile(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', 9) >= 0) {
            return false;
        }
        return n.equals("META-INF/MANIFEST.MF") || n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")
            || n.endsWith(".EC") || n.startsWith("META-INF/SIG-");
    }

    /** A PGP signature of the artifact by a key the policy trusts, or null when there is none. */
    private static @Nullable ContentSignature pgp(File file, IArtifactDescriptor d, TrustRoots roots) {
        List<PGPSignature> sigs;
        try {
            sigs = new ArrayList<>(PGPSignatureVerifier.getSignatures(d));
        } catch (IOException | PGPException | RuntimeException e) {
            return new ContentSignature(Kind.BROKEN, "", "its PGP signature cannot be read (" + e.getMessage() + ")", "");
        }
        String untrusted = "";
        for (PGPSignature sig : sigs) {
            PGPPublicKey key = roots.key(sig.getKeyID());
            if (key == null) {
                untrusted = TrustRoots.keyId(sig.getKeyID());
                continue;
            }
            try (InputStream in = Files.newInputStream(file.toPath())) {
                sig.init(new BcPGPContentVerifierBuilderProvider(), key);
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = in.read(buf)) > 0;) {
                    sig.update(buf, 0, n);
                }
                if (sig.verify()) {
                    return new ContentSignature(Kind.TRUSTED, "PGP key " + TrustRoots.keyId(key.getKeyID()), "",
                        "pgp:" + TrustRoots.keyId(key.getKeyID()));
                }
                return new ContentSignature(Kind.BROKEN, "", "its PGP signature by key " + TrustRoots.keyId(key.getKeyID())
                    + " does not match its content", "");
            } catch (IOException | PGPException | RuntimeException e) {
                return new ContentSignature(Kind.BROKEN, "", "its PGP signature cannot be checked (" + e.getMessage() + ")", "");
            }
        }
        return untrusted.isEmpty() ? null : new ContentSignature(Kind.UNTRUSTED, "PGP key " + untrusted,
            "a PGP key the trust policy does not trust", "");
    }
}
