package io.convergence.connector.opcua.internal;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.convergence.api.connector.CertificateDetails;
import io.convergence.api.connector.ConnectorException;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.connector.ConnectorSupport;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the Milo client's life: the first connection (through a {@link ClientFactory}) and its
 * retries, as {@link Failures} decides them. Once a session exists Milo reconnects it by itself (and
 * tries to transfer the subscriptions); this class reports the loss, and starts over from discovery
 * if the session has not come back within the longest reconnect delay. All of it runs on the
 * connector's control thread.
 */
final class ConnectionManager {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionManager.class);

    /** What the connector does with a session. Called on the control thread. */
    interface Session {
        /** A new session: browse, subscribe, announce. Returns a summary for the state detail. */
        String established(OpcUaClient client) throws Exception;

        /** The session went away; Milo is reconnecting. */
        void lost();

        /**
         * The session came back ({@code reconnected}), or the server lost subscriptions: recreates what
         * is missing. Returns what was done, empty if nothing was missing and this is no reconnection.
         */
        String restored(OpcUaClient client, boolean reconnected) throws Exception;

        /** The client is about to be closed. */
        void closing(boolean graceful);
    }

    private final Settings settings;
    private final ConnectorSupport state;
    private final Session session;
    private final Threads threads;
    private final ClientFactory clients;
    private final Failures failures;
    private volatile @Nullable Pki pki;
    private volatile @Nullable OpcUaClient client;
    private volatile boolean up;
    private volatile boolean stopped;
    private @Nullable ScheduledFuture<?> watchdog;
    private @Nullable ScheduledFuture<?> retry;

    ConnectionManager(Settings settings, ConnectorSupport state, Session session, Threads threads) {
        this.settings = settings;
        this.state = state;
        this.session = session;
        this.threads = threads;
        this.clients = new ClientFactory(settings, threads);
        this.failures = new Failures(settings);
    }

    void start() {
        state.state(Status.CONNECTING, "connecting to " + settings.endpoint() + " (" + settings.security() + ", "
            + settings.identity() + ")");
        threads.control.execute(this::attempt);
    }

    /** The client while its session is up, else a failure that says why not. */
    OpcUaClient liveClient() throws ConnectorException {
        OpcUaClient c = client;
        if (c == null || !up) {
            ConnectorState s = state.state();
            throw new ConnectorException("OPC UA connector '" + settings.id() + "' is not connected (" + s.status() + ": "
                + s.detail() + ")");
        }
        return c;
    }

    /**
     * Trusts the server certificate that the current problem names, the one this connector's own
     * validator refused (never a certificate handed in from outside), and connects again at once.
     *
     * @return completes with the file the certificate was written to
     */
    CompletableFuture<Path> trustRejectedCertificate() {
        CompletableFuture<Path> done = new CompletableFuture<>();
        boolean queued = onControl(() -> {
            ConnectorProblem p = state.state().problem();
            Pki store = pki;
            Pki.Rejection r = store == null ? null : store.lastRejection();
            if (p == null || !p.offers(ConnectorProblem.TRUST_CERTIFICATE) || store == null || r == null
                || p.certificate() == null || !p.certificate().equals(CertificateDetails.of(r.certificate()))) {
                done.completeExceptionally(new ConnectorException("OPC UA connector '" + settings.id()
                    + "' has no untrusted server certificate to trust now (" + state.state().status() + ": "
                    + state.state().detail() + ")"));
                return;
            }
            Path file;
            try {
                file = store.trust(r.certificate());
            } catch (Exception e) {
                done.completeExceptionally(new ConnectorException("OPC UA connector '" + settings.id()
                    + "': cannot store the trusted certificate in " + store.trustedDir() + ": " + reason(e), e));
                return;
            }
            state.state(Status.CONNECTING, "certificate " + subject(r.certificate()) + " trusted; connecting to "
                + settings.endpoint() + " (" + settings.security() + ", " + settings.identity() + ")");
            done.complete(file);
            retryNow();
        });
        if (!queued) {
            done.completeExceptionally(new ConnectorException("OPC UA connector '" + settings.id() + "' is stopped"));
        }
        return done;
    }

    private static String subject(X509Certificate c) {
        return "'" + c.getSubjectX500Principal().getName() + "'";
    }

    /** Cancels a scheduled retry and tries at once; on the control thread. */
    private void retryNow() {
        ScheduledFuture<?> r = retry;
        if (r != null) {
            r.cancel(false);
        }
        if (client == null && !stopped) {
            attempt();
        }
    }

    /** Asks for subscriptions the server lost to be recreated. */
    void requestRepair() {
        onControl(() -> {
            OpcUaClient c = client;
            if (c != null && up) {
                restore(c, false);
            }
        });
    }

    /** Queues work for the control thread; after stop() there is none to do. Returns whether it was queued. */
    private boolean onControl(Runnable r) {
        if (!stopped) {
            try {
                threads.control.execute(r);
                return true;
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
        return false;
    }

    /** Disconnects, stops retrying and stops every thread; waits for it. */
    void stop() {
        stopped = true;
        threads.stopControl(settings.requestTimeoutMs() + 2_000L);
        OpcUaClient c = client;
        if (c != null) {
            close(c, true);
        }
        Pki p = pki;
        if (p != null) {
            p.close();
        }
        threads.stopMilo();
    }

    private void attempt() {
        retry = null;
        if (stopped) {
            return;
        }
        OpcUaClient c = null;
        // The server's answer travels while the certificate store is read (the first time, from disk).
        CompletableFuture<List<EndpointDescription>> discovery = null;
        try {
            discovery = clients.discover();
            Pki p = pki;
            if (p == null) {
                p = Pki.open(settings.pkiDir());
                pki = p;
            }
            p.clearRejection();
            EndpointDescription ep = clients.selectEndpoint(discovery);
            c = clients.newClient(ep, p);
            OpcUaClient self = c;
            c.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionActive(UaSession s) {
                    onControl(() -> sessionUp(self));
                }

                @Override
                public void onSessionInactive(UaSession s) {
                    onControl(() -> sessionDown(self));
                }
            });
            c.connect();
            client = c;
            up = true;
            String summary = session.established(c);
            failures.reset();
            state.state(Status.CONNECTED, "connected to " + ep.getEndpointUrl() + " (" + settings.security() + ", "
                + settings.identity() + "); " + summary);
        } catch (Throwable t) {
            if (discovery != null) {
                discovery.cancel(false);
            }
            if (c != null) {
                close(c, false);
            }
            if (!stopped) {
                failed(t);
            }
        }
    }

    private void failed(Throwable t) {
        Pki p = pki;
        if (p == null) {
            state.fail(ConnectorProblem.of(ConnectorProblem.CONFIGURATION, "cannot use the PKI folder "
                + settings.pkiDir() + ": " + reason(t) + "; fix the folder (pkiDir) and its permissions"));
            return;
        }
        Failures.Verdict v = failures.classify(t, p.lastRejection(), p, System.nanoTime() / 1_000_000);
        state.state(v.status(), v.detail(), v.problem());
        retry = threads.control.schedule(this::attempt, v.retryMs(), TimeUnit.MILLISECONDS);
    }

    private void sessionDown(OpcUaClient c) {
        if (c != client || !up || stopped) {
            return;
        }
        up = false;
        session.lost();
        state.state(Status.RECONNECTING, "connection to " + settings.endpoint() + " lost; reconnecting (values from "
            + "the loss on are marked as a gap)");
        watchdog = threads.control.schedule(() -> {
            if (c == client && !up && !stopped) {
                LOG.warn("OPC UA connector '{}': the session did not come back within {} ms; starting over",
                    settings.id(), settings.maxReconnectDelayMs());
                close(c, false);
                attempt();
            }
        }, settings.maxReconnectDelayMs(), TimeUnit.MILLISECONDS);
    }

    private void sessionUp(OpcUaClient c) {
        if (c != client || up || stopped) {
            return;
        }
        up = true;
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
        }
        restore(c, true);
    }

    private void restore(OpcUaClient c, boolean reconnected) {
        try {
            String what = session.restored(c, reconnected);
            if (!what.isEmpty()) {
                state.state(Status.CONNECTED, "reconnected to " + settings.endpoint() + " (" + settings.security() + ", "
                    + settings.identity() + "); " + what);
            }
        } catch (Exception e) {
            LOG.warn("OPC UA connector '{}': restoring subscriptions failed ({}); starting over", settings.id(), reason(e));
            close(c, false);
            failed(e);
        }
    }

    private void close(OpcUaClient c, boolean graceful) {
        if (c == client) {
            try {
                session.closing(graceful);
            } catch (RuntimeException e) {
                LOG.debug("closing subscriptions: {}", e.toString());
            }
            client = null;
            up = false;
        }
        try {
            c.disconnectAsync().get(Math.min(settings.requestTimeoutMs(), 5_000), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("disconnect from {}: {}", settings.endpoint(), e.toString());
        }
    }

    /** A short human reason for a failure: the OPC UA status and the root cause. */
    static String reason(Throwable t) {
        StatusCode sc = Statuses.of(t);
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootText = root instanceof UnknownHostException ? "unknown host " + root.getMessage()
            : root.getMessage() != null && !root.getMessage().isBlank() ? root.getMessage()
            : root.getClass().getSimpleName();
        if (sc == null) {
            return rootText;
        }
        return rootText.contains(Statuses.symbol(sc)) ? rootText : Statuses.name(sc) + ": " + rootText;
    }
}
