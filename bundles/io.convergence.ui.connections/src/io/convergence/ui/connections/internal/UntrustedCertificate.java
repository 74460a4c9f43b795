package io.convergence.ui.connections.internal;

import java.util.Optional;

import io.convergence.api.connector.CertificateDetails;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;

import org.jspecify.annotations.Nullable;

/**
 * A certificate a connector refused, as its state reports it: the structured
 * {@link ConnectorProblem} with the certificate's details and the action that trusts it. Nothing
 * here reads the state's text, which quotes what the server sent (its certificate's subject, say)
 * and so is the server's to shape.
 *
 * @param connector the connector's id
 * @param message the problem's sentence, to show
 * @param certificate the certificate, read by the connector from the certificate itself
 * @param storedIn where the connector keeps trusted certificates, if it says; for display only
 */
public record UntrustedCertificate(String connector, String message, CertificateDetails certificate,
                                   @Nullable String storedIn) {

    /** The key under which a connector may name its trusted folder in the problem's attributes. */
    static final String TRUSTED_DIR = "trustedDir";

    /** The refused certificate of a state, if its problem offers to trust one. */
    public static Optional<UntrustedCertificate> of(String connector, @Nullable ConnectorState state) {
        return of(connector, state == null ? null : state.problem());
    }

    /** The refused certificate of a problem, if it offers to trust one. */
    public static Optional<UntrustedCertificate> of(String connector, @Nullable ConnectorProblem problem) {
        if (problem == null || problem.certificate() == null || !problem.offers(ConnectorProblem.TRUST_CERTIFICATE)) {
            return Optional.empty();
        }
        return Optional.of(new UntrustedCertificate(connector, problem.message(), problem.certificate(),
            problem.attributes().get(TRUSTED_DIR)));
    }

    /**
     * Whether a connector's state now still asks to trust this very certificate: the user approved
     * these details, so a different certificate (the server changed it, or another server answers)
     * must not be trusted in their place.
     */
    public boolean stillOffered(@Nullable ConnectorState now) {
        return of(connector, now).map(u -> u.certificate().equals(certificate)).orElse(false);
    }
}
