package io.convergence.admin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.FeatureException;
import io.convergence.admin.TrustPolicy;

/**
 * Changes to the trust policy: each one reads, changes and writes {@code admin/trust.json} under its
 * lock (so concurrent edits from threads or processes are all kept) and is recorded in the audit log.
 */
final class TrustEdits {

    private TrustEdits() {
    }

    static TrustPolicy change(AdminStore store, String action, String source, UnaryOperator<TrustPolicy> edit)
        throws FeatureException {
        TrustPolicy[] ba = store.editTrust(edit);
        audit(store, action, source, describe(ba[0], ba[1]));
        return ba[1];
    }

    static void audit(AdminStore store, String action, String source, String detail) {
        store.audit(new AuditEntry(Instant.now(), System.getProperty("user.name", "?"), action, source, "ok", detail));
    }

    static String describe(TrustPolicy a, TrustPolicy b) {
        List<String> parts = new ArrayList<>();
        if (a.allowUnsigned() != b.allowUnsigned()) {
            parts.add(b.allowUnsigned() ? "unsigned content allowed from anywhere" : "unsigned content refused");
        }
        b.unsignedRepositories().stream().filter(u -> !a.unsignedRepositories().contains(u))
            .forEach(u -> parts.add("unsigned allowed from " + u));
        a.unsignedRepositories().stream().filter(u -> !b.unsignedRepositories().contains(u))
            .forEach(u -> parts.add("unsigned no longer allowed from " + u));
        if (a.certificates().size() != b.certificates().size()) {
            parts.add("certificates " + a.certificates().size() + " -> " + b.certificates().size());
        }
        if (a.pgpKeys().size() != b.pgpKeys().size()) {
            parts.add("PGP keys " + a.pgpKeys().size() + " -> " + b.pgpKeys().size());
        }
        return parts.isEmpty() ? "unchanged" : String.join("; ", parts);
    }

    /**
     * Trusts what the file holds: an armored PGP public key, X.509 certificates (PEM or DER), or a
     * key store of trusted certificates such as the JDK's {@code lib/security/cacerts} (the JDK's
     * authorities count only when the admin adds them this way).
     */
    static TrustPolicy trust(AdminStore store, Path file) throws FeatureException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FeatureException(FeatureException.Kind.INVALID, "cannot read " + file + ": " + e.getMessage());
        }
        String text = new String(data, StandardCharsets.ISO_8859_1);
        String source = file.toAbsolutePath().toString();
        if (text.contains("BEGIN PGP PUBLIC KEY BLOCK")) {
            var keys = TrustRoots.pgpKeys(text);
            if (keys.isEmpty()) {
                throw new FeatureException(FeatureException.Kind.INVALID, file + ": no PGP public key could be read");
            }
            String what = "PGP key " + keys.stream().map(k -> TrustRoots.keyId(k.getKeyID())).toList();
            TrustPolicy[] ba = store.editTrust(p -> {
                List<String> all = new ArrayList<>(p.pgpKeys());
                all.add(text);
                return new TrustPolicy(p.certificates(), all, p.allowUnsigned(), p.unsignedRepositories());
            });
            audit(store, "trust add", source, what);
            return ba[1];
        }
        List<Certificate> certs = TrustRoots.parseCertificates(data);
        if (certs.isEmpty()) {
            certs = keyStore(file);
        }
        if (certs.isEmpty()) {
            throw new FeatureException(FeatureException.Kind.INVALID, file
                + ": not an X.509 certificate (PEM or DER), a key store of certificates, nor an armored PGP public key");
        }
        List<Certificate> adding = certs;
        TrustPolicy[] ba = store.editTrust(p -> {
            List<String> pems = new ArrayList<>(p.certificates());
            Set<String> known = new java.util.HashSet<>();
            for (String pem : p.certificates()) {
                TrustRoots.parseCertificates(pem.getBytes(StandardCharsets.US_ASCII)).forEach(c -> known.add(TrustRoots.fingerprint(c)));
            }
            for (Certificate c : adding) {
                if (known.add(TrustRoots.fingerprint(c))) {
                    pems.add(Signatures.pem(c));
                }
            }
            return new TrustPolicy(pems, p.pgpKeys(), p.allowUnsigned(), p.unsignedRepositories());
        });
        String what = certs.size() == 1 ? "certificate '" + TrustRoots.subject(certs.get(0)) + "'"
            : certs.size() + " certificates from the key store";
        audit(store, "trust add", source, what);
        return ba[1];
    }

    /** The trusted certificates of a key store (PKCS#12 or JKS; the JDK's cacerts needs no password to read them). */
    private static List<Certificate> keyStore(Path file) {
        for (char[] password : new char[][] {null, "changeit".toCharArray()}) {
            try {
                KeyStore ks = KeyStore.getInstance(file.toFile(), password);
                List<Certificate> out = new ArrayList<>();
                for (String alias : Collections.list(ks.aliases())) {
                    if (ks.isCertificateEntry(alias)) {
                        out.add(ks.getCertificate(alias));
                    }
                }
                return out;
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                // not a key store, or another password: try the next
            }
        }
        return List.of();
    }
}
