package io.convergence.admin.internal;

import java.io.File;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.repository.artifact.spi.IArtifactUIServices;

/**
 * The answer to p2's own trust question during a commit. p2 verifies signatures itself and asks
 * its {@link UIServices} which untrusted signers and whether unsigned content to accept; without an
 * answer it would accept everything, and its preferences, system properties and the framework's
 * trust roots can widen what it accepts without asking. So the decision is not taken here: the
 * {@link ChangeGate} judged every file of the change against the admin's policy before the commit,
 * and this accepts exactly those files (by their {@link ContentHash}) and refuses anything else. Never prompts.
 */
class PolicyTrust extends UIServices implements IArtifactUIServices {

    private final Set<String> admitted = new HashSet<>();
    private final List<String> refusals = new ArrayList<>();

    /** The files the gate admitted, by SHA-256. */
    synchronized void admit(Collection<String> sha256) {
        admitted.addAll(sha256);
    }

    /** What p2 asked about that the gate had not admitted, one sentence each. */
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
        return refuseAll("content without the artifact details this check needs");
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, Collection<PGPPublicKey> untrustedKeys, String[] unsignedDetail) {
        return refuseAll("content without the artifact details this check needs");
    }

    private synchronized TrustInfo refuseAll(String what) {
        refusals.add("p2 asked about " + what + "; refused");
        return new TrustInfo(List.of(), List.of(), false, false);
    }

    @Override
    public synchronized TrustInfo getTrustInfo(Map<List<Certificate>, Set<IArtifactKey>> untrustedChains,
                                               Map<PGPPublicKey, Set<IArtifactKey>> untrustedKeys, Set<IArtifactKey> unsigned,
                                               Map<IArtifactKey, File> files) {
        List<Certificate> certs = new ArrayList<>();
        untrustedChains.forEach((chain, keys) -> {
            if (allAdmitted(keys, files)) {
                certs.add(chain.get(0));
            }
        });
        List<PGPPublicKey> pgp = new ArrayList<>();
        untrustedKeys.forEach((key, keys) -> {
            if (allAdmitted(keys, files)) {
                pgp.add(key);
            }
        });
        return new TrustInfo(certs, pgp, false, allAdmitted(unsigned, files));
    }

    private boolean allAdmitted(Set<IArtifactKey> keys, Map<IArtifactKey, File> files) {
        boolean all = true;
        for (IArtifactKey k : keys) {
            File f = files.get(k);
            if (f == null || !admitted.contains(ContentHash.of(f))) {
                refusals.add(ContentCheck.describe(k) + " is not the content checked before the commit");
                all = false;
            }
        }
        return all;
    }
}
