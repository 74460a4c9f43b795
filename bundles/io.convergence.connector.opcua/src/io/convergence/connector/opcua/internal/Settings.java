package io.convergence.connector.opcua.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.convergence.api.point.PointPath;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * A checked {@link OpcUaConfig}: every field parsed once, so that the rest of the connector never
 * meets a malformed value.
 */
record Settings(String id, String endpoint, String host, int port, SecurityPolicy policy, MessageSecurityMode mode,
                String username, String password, boolean allowPasswordWithoutEncryption, Path pkiDir,
                List<String> pathPrefix, NodeId browseRoot, boolean subscribeAll, double samplingIntervalMs,
                double publishingIntervalMs, int queueSize, int requestTimeoutMs, int maxReconnectDelayMs) {

    static final int DEFAULT_PORT = 4840;

    /** A configuration value that cannot be used; the message names the field and what is expected. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    static Settings from(OpcUaConfig c) throws Invalid {
        String id = trim(c.id());
        if (id.isEmpty()) {
            throw new Invalid("configuration field 'id' is empty; give the connector a unique id");
        }
        String endpoint = trim(c.endpoint());
        URI uri = parseEndpoint(endpoint);
        SecurityPolicy policy = switch (trim(c.securityPolicy()).toLowerCase(Locale.ROOT)) {
            case "", "none" -> SecurityPolicy.None;
            case "basic256sha256" -> SecurityPolicy.Basic256Sha256;
            default -> throw new Invalid("securityPolicy '" + c.securityPolicy() + "' is not supported; use None or Basic256Sha256");
        };
        MessageSecurityMode mode = switch (trim(c.securityMode()).toLowerCase(Locale.ROOT)) {
            case "", "none" -> MessageSecurityMode.None;
            case "sign" -> MessageSecurityMode.Sign;
            case "signandencrypt" -> MessageSecurityMode.SignAndEncrypt;
            default -> throw new Invalid("securityMode '" + c.securityMode() + "' is not supported; use None, Sign or SignAndEncrypt");
        };
        if ((policy == SecurityPolicy.None) != (mode == MessageSecurityMode.None)) {
            throw new Invalid("securityPolicy " + policy + " cannot go with securityMode " + mode
                + "; use None/None, or Basic256Sha256 with Sign or SignAndEncrypt");
        }
        String username = trim(c.username());
        if (!username.isEmpty() && policy == SecurityPolicy.None && !c.allowPasswordWithoutEncryption()) {
            throw new Invalid("user '" + username + "' with securityPolicy None is refused: nothing authenticates the "
                + "server, so the password could travel in clear text or to an impostor. Use securityPolicy "
                + "Basic256Sha256, or set allowPasswordWithoutEncryption to true if this network is trusted");
        }
        NodeId root = NodeId.parseSafe(trim(c.browseRoot()).isEmpty() ? "i=85" : trim(c.browseRoot()))
            .orElseThrow(() -> new Invalid("browseRoot '" + c.browseRoot() + "' is not a NodeId such as i=85 or ns=2;s=Line1"));
        String pki = trim(c.pkiDir());
        Path pkiDir = pki.isEmpty() ? Path.of(System.getProperty("user.home"), ".convergence", "pki") : Path.of(pki);
        List<String> prefix = new ArrayList<>();
        for (String s : c.pathPrefix().split("/")) {
            if (!s.isBlank()) {
                prefix.add(PointPath.segment(s));
            }
        }
        check(c.samplingIntervalMs() >= 0, "samplingIntervalMs must be 0 or more, not " + c.samplingIntervalMs());
        check(c.publishingIntervalMs() > 0, "publishingIntervalMs must be more than 0, not " + c.publishingIntervalMs());
        check(c.queueSize() >= 1, "queueSize must be 1 or more, not " + c.queueSize());
        check(c.requestTimeoutMs() >= 100, "requestTimeoutMs must be 100 or more, not " + c.requestTimeoutMs());
        check(c.maxReconnectDelayMs() >= 1000, "maxReconnectDelayMs must be 1000 or more, not " + c.maxReconnectDelayMs());
        return new Settings(id, endpoint, uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), policy, mode,
            username, c.password() == null ? "" : c.password(), c.allowPasswordWithoutEncryption(), pkiDir,
            List.copyOf(prefix), root, c.subscribeAll(), c.samplingIntervalMs(), c.publishingIntervalMs(), c.queueSize(),
            c.requestTimeoutMs(), c.maxReconnectDelayMs());
    }

    /** The configured id even when the rest of the configuration is unusable, for the service property. */
    static String idOf(OpcUaConfig c, String fallback) {
        String id = trim(c.id());
        return id.isEmpty() ? fallback : id;
    }

    private static URI parseEndpoint(String endpoint) throws Invalid {
        String expected = "; expected opc.tcp://host:port[/path]";
        if (endpoint.isEmpty()) {
            throw new Invalid("configuration field 'endpoint' is empty" + expected);
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new Invalid("endpoint '" + endpoint + "' is not a valid URL (" + e.getReason() + " at index "
                + e.getIndex() + ")" + expected);
        }
        if (!"opc.tcp".equalsIgnoreCase(uri.getScheme())) {
            throw new Invalid("endpoint '" + endpoint + "' does not start with opc.tcp://" + expected);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Invalid("endpoint '" + endpoint + "' names no host (or has a malformed port)" + expected);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new Invalid("endpoint '" + endpoint + "' has port " + uri.getPort() + ", outside 1-65535" + expected);
        }
        return uri;
    }

    private static void check(boolean ok, String message) throws Invalid {
        if (!ok) {
            throw new Invalid(message);
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** How the session authenticates, for messages. */
    String identity() {
        return username.isEmpty() ? "anonymous" : "user '" + username + "'";
    }

    /** The security, as written in messages: policy/mode. */
    String security() {
        return policy.name() + "/" + mode.name();
    }

    @Override
    public String toString() {
        // Never print the password.
        return "Settings[" + id + ", " + endpoint + ", " + security() + ", " + identity() + "]";
    }
}
