package io.convergence.admin;

import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;

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

    /**
     * Changes the trust policy in place: reads it, applies {@code edit} and writes the result, with
     * no other change in between (from this process or another), so that two admins' edits are
     * both kept. Recorded in the audit log.
     *
     * @return the policy now in force
     * @since 1.1
     */
    default TrustPolicy changeTrust(UnaryOperator<TrustPolicy> edit) throws FeatureException {
        TrustPolicy next = edit.apply(trustPolicy());
        setTrustPolicy(next);
        return next;
    }

    /** Trusts the publisher certificate (PEM or DER) or PGP public key (armored) in the given file. */
    TrustPolicy trust(java.nio.file.Path keyOrCertificate) throws FeatureException;

    /** The repositories configured for updates (besides those given with a change). */
    List<URI> repositories() throws FeatureException;

    /** Adds or removes a configured repository. */
    void setRepositories(List<URI> repositories) throws FeatureException;

    /**
     * Every change and refusal so far, oldest first. A change writes an entry with result
     * {@code intent} before it starts and one with its result when done; a line cut short by a crash
     * is left out.
     */
    List<AuditEntry> audit() throws FeatureException;

    /**
     * Checks the audit log's hash chain: whether any line was edited, inserted or removed since it
     * was written.
     *
     * @since 1.1
     */
    default AuditVerification verifyAudit() throws FeatureException {
        throw new FeatureException(FeatureException.Kind.FAILED, "this feature service cannot verify its audit log");
    }
}
