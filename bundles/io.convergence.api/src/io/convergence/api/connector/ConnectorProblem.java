package io.convergence.api.connector;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What stands between a connector and its source, in terms a program can act on, so that no bundle
 * parses another's messages. A view shows {@link #message()}, the {@link #certificate()} when there
 * is one, and offers the {@link #actions()}; choosing one calls {@link Connector#act(String)}.
 *
 * @param type what kind of problem: one of the constants of this record, or a connector's own
 * @param message a human sentence: what is wrong and what to do
 * @param attributes further facts, such as {@code endpoint} or {@code user}
 * @param certificate the certificate at issue, for {@link #UNTRUSTED_CERTIFICATE}; otherwise usually
 *     {@code null}
 * @param actions what the connector can do about it itself; empty if only the user can
 * @since 1.1
 */
public record ConnectorProblem(String type, String message, Map<String, String> attributes,
                               @Nullable CertificateDetails certificate, List<Action> actions) {

    /** The source presented a certificate that is not trusted yet. */
    public static final String UNTRUSTED_CERTIFICATE = "untrusted-certificate";

    /** The source refused the credentials (user name, password, certificate identity). */
    public static final String AUTHENTICATION = "authentication";

    /** The configuration cannot work as it is (bad address, security settings that do not fit). */
    public static final String CONFIGURATION = "configuration";

    /** The source offers no endpoint, security policy or protocol version that fits. */
    public static final String INCOMPATIBLE = "incompatible";

    /** The source cannot be reached (refused, unknown host, timed out). */
    public static final String UNREACHABLE = "unreachable";

    /** The id of the action that trusts an untrusted certificate. */
    public static final String TRUST_CERTIFICATE = "trust-certificate";

    /** Copies the collections. */
    public ConnectorProblem {
        attributes = Map.copyOf(attributes);
        actions = List.copyOf(actions);
    }

    /** A problem with a message only. */
    public static ConnectorProblem of(String type, String message) {
        return new ConnectorProblem(type, message, Map.of(), null, List.of());
    }

    /** A certificate that is not trusted, with the action that trusts it. */
    public static ConnectorProblem untrustedCertificate(String message, CertificateDetails certificate) {
        return new ConnectorProblem(UNTRUSTED_CERTIFICATE, message, Map.of(), certificate,
            List.of(new Action(TRUST_CERTIFICATE, "Trust certificate",
                "Trust this certificate from now on and connect again")));
    }

    /** Whether the connector offers an action of this id. */
    public boolean offers(String actionId) {
        return actions.stream().anyMatch(a -> a.id().equals(actionId));
    }

    /**
     * Something the connector can do about a problem.
     *
     * @param id what to pass to {@link Connector#act(String)}
     * @param label a short label for a button
     * @param description what it does, in a sentence
     */
    public record Action(String id, String label, String description) {
    }
}
