package io.convergence.admin;

import java.util.List;

/**
 * A feature installed in the product.
 *
 * @param id the feature's id
 * @param name its human name
 * @param version its version
 * @param provider who publishes it
 * @param root whether an admin installed it (root features can be updated and uninstalled)
 * @param trust how its bundles are signed, checked now against the trust policy
 * @param signer the signer's name when signed; empty otherwise
 * @param bundles the bundles it holds, as {@code symbolicName version}
 */
public record InstalledFeature(String id, String name, String version, String provider, boolean root,
                               TrustState trust, String signer, List<String> bundles) {
    public InstalledFeature {
        bundles = List.copyOf(bundles);
    }
}
