package io.convergence.connector.opcua.internal;

import java.net.UnknownHostException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.convergence.api.connector.ConnectorException;
import io.convergence.api.connector.ConnectorState.Status;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the Milo client's life: the first connection (through a {@link ClientFactory}) and its
 * retries with exponential backoff up to the longest reconnect delay. Once a session exists Milo reconnects it by
 * itself (and tries to transfer the subscriptions); this class reports the loss, and starts over
 * from discovery if the session has not come back within the longest reconnect delay. All of it
 * runs on the connector's control thread.
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
    private final StateTracker state;
    private final Session session;
    private final Threads threads;
    private final ClientFactory clients;
    private volatile @Nullable Pki pki;
    private volatile @Nullable OpcUaClient client;
    private volatile boolean up;
    private volatile boolean stopped;
    private int attempt;
    private @Nullable ScheduledFuture<?> watchdog;

    ConnectionManager(Settings settings, StateTracker state, Session session, Threads threads) {
        this.settings = settings;
        this.state = state;
        this.session = session;
        this.threads = threads;
        this.clients = new ClientFactory(settings, threads);
    }

    void start() {
        state.set(Status.CONNECTING, "connecting to " + settings.endpoint() + " (" + settings.security() + ", "
            + settings.identity() + ")");
        threads.control.execute(this::attempt);
    }

    /** The client while its session is up, else a failure that says why not. */
    OpcUaClient liveClient() throws ConnectorException {
        OpcUaClient c = client;
        if (c == null || !up) {
            var s = state.get();
            throw new ConnectorException("OPC UA connector '" + settings.id() + "' is not connected (" + s.status() + ": "
                + s.detail() + ")");
        }
        return c;
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

    /** Queues work for the control thread; after stop() there is none to do. */
    private void onControl(Runnable r) {
        if (!stopped) {
            try {
                threads.control.execute(r);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
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
        state.set(Status.DISCONNECTED, "stopped");
    }

    private void attempt() {
        if (stopped) {
            return;
        }
        OpcUaClient c = null;
        try {
            Pki p = pki;
            if (p == null) {
                p = Pki.open(settings.pkiDir());
                pki = p;
            }
            p.clearRejection();
            EndpointDescription ep = clients.selectEndpoint();
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
            attempt = 0;
            state.set(Status.CONNECTED, "connected to " + ep.getEndpointUrl() + " (" + settings.security() + ", "
                + settings.identity() + "); " + summary);
        } catch (Throwable t) {
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
        Pki.Rejection rejected = p == null ? null : p.lastRejection();
        StatusCode sc = Statuses.of(t);
        long code = sc == null ? 0 : sc.getValue();
        if (p == null) {
            state.set(Status.FAILED, "cannot use the PKI folder " + settings.pkiDir() + ": " + reason(t)
                + "; fix the folder (pkiDir) and its permissions");
            return;
        }
        if (t instanceof ClientFactory.NoEndpoint) {
            state.set(Status.FAILED, t.getMessage());
            return;
        }
        if (code == StatusCodes.Bad_UserAccessDenied || code == StatusCodes.Bad_IdentityTokenRejected
            || code == StatusCodes.Bad_IdentityTokenInvalid) {
            state.set(Status.FAILED, "the server at " + settings.endpoint() + " rejected " + settings.identity() + " ("
                + Statuses.name(sc) + "); check username and password");
            return;
        }
        long delay = Math.min(settings.maxReconnectDelayMs(), 1_000L << Math.min(attempt, 20));
        attempt++;
        String next = "; next attempt in " + (delay + 999) / 1000 + " s";
        if (rejected != null) {
            state.set(Status.FAILED, p.untrustedMessage(rejected) + next);
        } else if (code == StatusCodes.Bad_SecurityChecksFailed || code == StatusCodes.Bad_CertificateUntrusted
            || code == StatusCodes.Bad_CertificateUriInvalid || code == StatusCodes.Bad_SecurityPolicyRejected) {
            state.set(Status.FAILED, "the server at " + settings.endpoint() + " refused the secure channel ("
                + Statuses.name(sc) + "); " + p.ownCertificateHint() + next);
        } else {
            state.set(Status.RECONNECTING, "cannot connect to " + settings.endpoint() + ": " + reason(t) + next
                + " (attempt " + attempt + ")");
        }
        threads.control.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
    }

    private void sessionDown(OpcUaClient c) {
        if (c != client || !up || stopped) {
            return;
        }
        up = false;
        session.lost();
        state.set(Status.RECONNECTING, "connection to " + settings.endpoint() + " lost; reconnecting (values from "
            + "the loss on are marked as a gap)");
        watchdog = threads.control.schedule(() -> {
            if (c == client && !up && !stopped) {
                LOG.warn("OPC UA connector '{}': the session did not come back within {} ms; starting over",
                    settings.id(), settings.maxReconnectDelayMs());
                close(c, false);
                attempt = Math.max(attempt, 1);
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
                state.set(Status.CONNECTED, "reconnected to " + settings.endpoint() + " (" + settings.security() + ", "
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
