package io.convergence.connector.opcua.internal;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.connector.CertificateDetails;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState.Status;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a failed connection attempt means: which {@link ConnectorProblem} to report, in
 * which state, and when to try again. The rules (docs/opcua.md lists them for users):
 * <ul>
 * <li><b>Transient</b>: the server cannot be reached, times out, is starting or out of sessions.
 *     Reported as RECONNECTING ({@link ConnectorProblem#UNREACHABLE}) and retried with exponential
 *     backoff up to the longest reconnect delay, for ever.
 * <li><b>Doubtful</b>: the server rejects the user, offers no endpoint for the configured security,
 *     or refuses this client's certificate. Each may be passing (a user store still loading, a server
 *     being updated or reconfigured) or permanent (a wrong password). Reported at once with its
 *     problem, retried with backoff; while it lasts no longer than the longest reconnect delay the
 *     status is RECONNECTING, after that FAILED (someone has to act), and the connector keeps probing
 *     once per longest reconnect delay so that a fix on the server's side heals it without a restart.
 * <li><b>Untrusted server certificate</b>: FAILED at once with the certificate and the action that
 *     trusts it; probed once per longest reconnect delay, so that a certificate trusted by hand
 *     (moved into the trusted folder) is picked up.
 * </ul>
 * Configuration errors never reach this class: the connector fails on them without connecting.
 * Not thread-safe: used on the connector's control thread only.
 */
final class Failures {

    /** What to report and when to try again. */
    record Verdict(Status status, String detail, ConnectorProblem problem, long retryMs) {
    }

    private final Settings settings;
    private int attempt;
    private long doubtfulSince = -1;

    Failures(Settings settings) {
        this.settings = settings;
    }

    /** A session was established: the next failure starts the backoff from the beginning. */
    void reset() {
        attempt = 0;
        doubtfulSince = -1;
    }

    /** At least one attempt failed since the last success. */
    boolean failing() {
        return attempt > 0;
    }

    /**
     * Classifies a failed attempt.
     *
     * @param t what the attempt failed with
     * @param rejected the server certificate the validator refused during the attempt, if any
     * @param pki the certificate store, for the paths in messages
     * @param nowMs the monotonic time of the failure, in milliseconds
     */
    Verdict classify(Throwable t, Pki.@Nullable Rejection rejected, Pki pki, long nowMs) {
        long max = settings.maxReconnectDelayMs();
        long backoff = Math.min(max, 1_000L << Math.min(attempt, 20));
        attempt++;
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("endpoint", settings.endpoint());
        attrs.put("security", settings.security());
        if (rejected != null) {
            X509Certificate c = rejected.certificate();
            attrs.put("trustedDir", pki.trustedDir().toString());
            ConnectorProblem p = ConnectorProblem.untrustedCertificate(pki.untrustedMessage(rejected),
                CertificateDetails.of(c));
            p = new ConnectorProblem(p.type(), p.message(), attrs, p.certificate(), p.actions());
            doubtfulSince = -1;
            return verdict(Status.FAILED, p, max);
        }
        StatusCode sc = Statuses.of(t);
        long code = sc == null ? 0 : sc.getValue();
        ConnectorProblem doubtful = null;
        if (t instanceof ClientFactory.NoEndpoint) {
            doubtful = new ConnectorProblem(ConnectorProblem.INCOMPATIBLE, t.getMessage(), attrs, null, List.of());
        } else if (code == StatusCodes.Bad_UserAccessDenied || code == StatusCodes.Bad_IdentityTokenRejected
            || code == StatusCodes.Bad_IdentityTokenInvalid) {
            attrs.put("user", settings.username());
            doubtful = new ConnectorProblem(ConnectorProblem.AUTHENTICATION, "the server at " + settings.endpoint()
                + " rejected " + settings.identity() + " (" + Statuses.name(sc) + "); check username and password",
                attrs, null, List.of());
        } else if (code == StatusCodes.Bad_SecurityChecksFailed || code == StatusCodes.Bad_CertificateUntrusted
            || code == StatusCodes.Bad_CertificateUriInvalid || code == StatusCodes.Bad_SecurityPolicyRejected) {
            attrs.put("clientCertificate", pki.dir().resolve("own").resolve("cert.der").toString());
            doubtful = new ConnectorProblem(ConnectorProblem.AUTHENTICATION, "the server at " + settings.endpoint()
                + " refused the secure channel (" + Statuses.name(sc) + "); " + pki.ownCertificateHint(), attrs, null,
                List.of());
        }
        if (doubtful == null) {
            doubtfulSince = -1;
            ConnectorProblem p = new ConnectorProblem(ConnectorProblem.UNREACHABLE, "cannot connect to "
                + settings.endpoint() + ": " + ConnectionManager.reason(t), attrs, null, List.of());
            return verdict(Status.RECONNECTING, p, backoff);
        }
        if (doubtfulSince < 0) {
            doubtfulSince = nowMs;
        }
        boolean lasting = nowMs - doubtfulSince >= max;
        return verdict(lasting ? Status.FAILED : Status.RECONNECTING, doubtful, lasting ? max : backoff);
    }

    private Verdict verdict(Status status, ConnectorProblem p, long retryMs) {
        return new Verdict(status, p.message() + "; next attempt in " + (retryMs + 999) / 1000 + " s (attempt " + attempt
            + ")", p, retryMs);
    }
}
