package io.convergence.admin;

import java.net.URI;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Feature management of the product this process runs in, a service. Every change is planned
 * first (see {@link #preview}); {@link #apply} plans again, checks the plan still matches, checks
 * trust and the downloaded bundles, and commits it or changes nothing. Changes are written to the
 * product's installation; running products pick them up without a restart where OSGi allows (see
 * {@link ChangePlan#restartNeeded()}).
 */
@ProviderType
public interface FeatureService {

    /** The features installed now, root features first. */
    List<InstalledFeature> installed() throws FeatureException;

    /** The features the repositories offer, with what would be an update of an installed one. */
    List<AvailableFeature> available(List<URI> repositories, Progress progress) throws FeatureException;

    /** What the change would do, without doing it. A plan that cannot be carried out says why. */
    ChangePlan preview(Change change, Progress progress) throws FeatureException;

    /**
     * Carries out the change: plans it, downloads, checks trust and bundles, then commits. On any
     * failure nothing is changed and the exception says what and where.
     */
    ChangePlan apply(Change change, Progress progress) throws FeatureException;

    /** The installation's states, oldest first; the last one is the current state. */
    List<ProfileState> history() throws FeatureException;

    /** The trust policy in force. */
    TrustPolicy trustPolicy() throws FeatureException;

    /** Replaces the trust policy; recorded in the audit log. */
    void setTrustPolicy(TrustPolicy policy) throws FeatureException;

    /** Trusts the publisher certificate (PEM or DER) or PGP public key (armored) in the given file. */
    TrustPolicy trust(java.nio.file.Path keyOrCertificate) throws FeatureException;

    /** The repositories configured for updates (besides those given with a change). */
    List<URI> repositories() throws FeatureException;

    /** Adds or removes a configured repository. */
    void setRepositories(List<URI> repositories) throws FeatureException;

    /** Every change and refusal so far, oldest first. */
    List<AuditEntry> audit() throws FeatureException;
}
