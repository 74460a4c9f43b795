package io.convergence.admin;

import java.net.URI;
import java.util.List;

/**
 * Whom the admin trusts. Content signed by a trusted certificate or PGP key is accepted; other
 * signed content is refused; unsigned content is refused unless {@code allowUnsigned} or every
 * repository of the change is in {@code unsignedRepositories}. Signatures are verified by p2.
 *
 * @param certificates trusted publisher certificates, PEM encoded
 * @param pgpKeys trusted PGP public keys, ASCII armored
 * @param allowUnsigned whether unsigned content is accepted from anywhere
 * @param unsignedRepositories repositories whose unsigned content is accepted
 */
public record TrustPolicy(List<String> certificates, List<String> pgpKeys, boolean allowUnsigned,
                          List<URI> unsignedRepositories) {

    public TrustPolicy {
        certificates = List.copyOf(certificates);
        pgpKeys = List.copyOf(pgpKeys);
        unsignedRepositories = List.copyOf(unsignedRepositories);
    }

    /** The default: trust no publisher yet, refuse unsigned content. */
    public static TrustPolicy strict() {
        return new TrustPolicy(List.of(), List.of(), false, List.of());
    }
}
