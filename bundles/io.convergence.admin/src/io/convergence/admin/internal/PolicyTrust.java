package io.convergence.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.internal.p2.artifact.processors.pgp.PGPPublicKeyStore;
import org.eclipse.equinox.p2.core.UIServices;

import io.convergence.admin.RepositoryLocation;
import io.convergence.admin.TrustPolicy;

/**
 * The admin's trust policy as p2 asks for it. p2 verifies jar signatures and PGP signatures itself
 * and asks its {@link UIServices} which of the untrusted signers and whether unsigned content to
 * accept; without one it would accept everything. This answers from the policy, never by prompting,
 * so the workbench and the headless runtime decide the same way, and remembers what it refused so
 * that the error can say so.
 */
class PolicyTrust extends UIServices {

    private final TrustPolicy policy;
    private final List<URI> repositories;
    private final List<String> refusals = new ArrayList<>();

    /**
     * @param policy the admin's policy
     * @param repositories where the change takes its content from
     */
    PolicyTrust(TrustPolicy policy, List<URI> repositories) {
        this.policy = policy;
        this.repositories = List.copyOf(repositories);
    }

    /** Why content was refused, one sentence each; empty when nothing was. */
    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return AUTHENTICATION_PROMPT_CANCELED;
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return AUTHENTICATION_PROMPT_CANCELED;
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChain, String[] unsignedDetail) {
        return getTrustInfo(untrustedChain, List.of(), unsignedDetail);
    }

    /**
     * Trust for a revert: its content comes from the installation's own bundle pool, where it was
     * admitted by the policy of its first install, and is accepted again as it is.
     */
    static PolicyTrust admitted() {
        return new PolicyTrust(new TrustPolicy(List.of(), List.of(), true, List.of()), List.of()) {
            @Override
            public synchronized TrustInfo getTrustInfo(Certificate[][] untrustedChains,
                                                       Collection<PGPPublicKey> untrustedKeys, String[] unsignedDetail) {
                List<Certificate> all = new ArrayList<>();
                if (untrustedChains != null) {
                    Arrays.stream(untrustedChains).forEach(c -> all.add(c[0]));
                }
                return new TrustInfo(all, untrustedKeys == null ? List.of() : untrustedKeys, false, true);
            }
        };
    }

    @Override
    public synchronized TrustInfo getTrustInfo(Certificate[][] untrustedChains, Collection<PGPPublicKey> untrustedKeys,
                                               String[] unsignedDetail) {
        Set<Certificate> trustedCerts = new HashSet<>();
        Set<String> anchors = encoded(policy.certificates());
        if (untrustedChains != null) {
            for (Certificate[] chain : untrustedChains) {
                boolean ok = Arrays.stream(chain).anyMatch(c -> anchors.contains(fingerprint(c)));
                if (ok) {
                    trustedCerts.add(chain[0]);
                } else {
                    refusals.add("signed by " + subject(chain[0]) + ", a publisher the trust policy does not trust"
                        + " (trust its certificate with 'convergence features trust add-certificate FILE')");
                }
            }
        }
        List<PGPPublicKey> trustedKeys = new ArrayList<>();
        Set<Long> keyIds = keyIds(policy.pgpKeys());
        for (PGPPublicKey k : untrustedKeys == null ? List.<PGPPublicKey>of() : untrustedKeys) {
            if (keyIds.contains(k.getKeyID())) {
                trustedKeys.add(k);
            } else {
                refusals.add("signed with PGP key " + Long.toHexString(k.getKeyID()).toUpperCase(java.util.Locale.ROOT)
                    + ", which the trust policy does not trust (trust it with 'convergence features trust add-key FILE.asc')");
            }
        }
        boolean unsigned = unsignedDetail != null && unsignedDetail.length > 0;
        boolean allowUnsigned = allowsUnsigned(policy, repositories);
        if (unsigned && !allowUnsigned) {
            List<String> files = Arrays.stream(unsignedDetail).map(s -> s.replaceAll(".*/", "").replaceAll(" \\[.*", ""))
                .sorted().toList();
            refusals.add("unsigned content (" + String.join(", ", files) + ") from " + describe(repositories)
                + ", and the trust policy refuses unsigned content (to accept it from there: 'convergence features trust"
                + " allow-unsigned " + (repositories.isEmpty() ? "URL" : repositories.get(0)) + "')");
        }
        return new TrustInfo(trustedCerts, trustedKeys, false, allowUnsigned);
    }

    static boolean allowsUnsigned(TrustPolicy policy, List<URI> repositories) {
        if (policy.allowUnsigned()) {
            return true;
        }
        Set<String> allowed = new HashSet<>();
        policy.unsignedRepositories().forEach(u -> allowed.add(RepositoryLocation.key(u)));
        return !repositories.isEmpty() && repositories.stream().allMatch(u -> allowed.contains(RepositoryLocation.key(u)));
    }

    private static String describe(List<URI> repos) {
        return repos.isEmpty() ? "the product's own files" : String.join(", ", repos.stream().map(URI::toString).toList());
    }

    static String subject(Certificate c) {
        return c instanceof X509Certificate x ? "'" + x.getSubjectX500Principal().getName() + "'" : c.getType() + " certificate";
    }

    /** The certificates of a policy as their SHA-256 fingerprints. */
    static Set<String> encoded(List<String> pems) {
        Set<String> out = new HashSet<>();
        for (String pem : pems) {
            for (Certificate c : parseCertificates(pem.getBytes(StandardCharsets.US_ASCII))) {
                out.add(fingerprint(c));
            }
        }
        return out;
    }

    static List<Certificate> parseCertificates(byte[] data) {
        try {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(data)));
        } catch (CertificateException e) {
            return List.of();
        }
    }

    static String fingerprint(Certificate c) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return java.util.HexFormat.of().formatHex(d);
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            return "";
        }
    }

    static Set<Long> keyIds(List<String> armored) {
        Set<Long> out = new HashSet<>();
        for (String a : armored) {
            try {
                PGPPublicKeyStore.readPublicKeys(new ByteArrayInputStream(a.getBytes(StandardCharsets.US_ASCII)))
                    .forEach(k -> out.add(k.getKeyID()));
            } catch (IOException e) {
                // an unreadable key trusts nothing
            }
        }
        return out;
    }
}
