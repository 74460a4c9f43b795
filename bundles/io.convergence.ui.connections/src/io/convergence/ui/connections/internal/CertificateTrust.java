package io.convergence.ui.connections.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorProblem;

import org.jspecify.annotations.Nullable;

/** Trusting a certificate a running connection refused, after the user reviewed it. Blocking. */
public final class CertificateTrust {

    private static final long TIMEOUT_SECONDS = 10;

    private CertificateTrust() {
    }

    /**
     * Lets the connector trust the certificate the user reviewed, if it still offers exactly that
     * one: the connector stores the certificate it met itself and connects again.
     *
     * @return why nothing was trusted; {@code null} if it was
     */
    public static @Nullable String trust(ConnectionsSource source, UntrustedCertificate reviewed) {
        String id = reviewed.connector();
        Connector c = source.connector(id);
        if (c == null) {
            return "Connection '" + id + "' no longer runs; nothing was trusted.";
        }
        if (!reviewed.stillOffered(c.state())) {
            return "Connection '" + id + "' no longer asks to trust the certificate you reviewed (the server may have "
                + "changed it); nothing was trusted. Check its state and try again.";
        }
        try {
            c.act(ConnectorProblem.TRUST_CERTIFICATE).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return "Connection '" + id + "' could not trust the certificate: "
                + (e.getCause() == null ? e : e.getCause()).getMessage();
        } catch (TimeoutException e) {
            return "Connection '" + id + "' did not answer within " + TIMEOUT_SECONDS + " s.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
