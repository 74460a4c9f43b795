package io.convergence.admin;

/** How installed content is signed, against the trust policy. */
public enum TrustState {
    /** Signed by a publisher the policy trusts. */
    TRUSTED,
    /** Signed, by a publisher the policy does not trust (now). */
    UNTRUSTED,
    /** Not signed. */
    UNSIGNED,
    /** Part of the product as it was built and shipped. */
    PRODUCT
}
