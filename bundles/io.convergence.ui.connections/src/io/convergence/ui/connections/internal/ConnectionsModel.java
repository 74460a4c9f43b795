package io.convergence.ui.connections.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;

import org.jspecify.annotations.Nullable;

/**
 * What the Connections view shows, without any SWT: one row per connector, from the running
 * connector services and the connector configurations together, so that a connection that is
 * configured but has no running connector shows as well. Thread-safe: a background thread
 * {@linkplain #update updates} it, the view reads it on the UI thread and redraws only when
 * {@link #version()} changed.
 */
public final class ConnectionsModel {

    /**
     * How long a configuration may wait for its connector before the view calls it failed, when
     * nothing is known of its start ({@link ConnectorStart.Stage#UNKNOWN}, {@link ConnectorStart.Stage#NO_PROVIDER}).
     * A connector the component runtime reports on its way is never failed for the time it takes.
     */
    static final Duration START_GRACE = Duration.ofSeconds(5);

    /** The keys under which connector types usually keep their address, in order of preference. */
    static final List<String> ENDPOINT_KEYS = List.of("endpoint", "url", "address", "host");

    private List<ConnectionRow> rows = List.of();
    private final Map<String, Instant> missingSince = new HashMap<>();
    private long version;

    /**
     * Merges what runs with what is configured. Configurations made by a connection test
     * ({@link ConnectionTester#SOURCE_PREFIX}) and their connectors are left out.
     *
     * @param running the connector services now
     * @param configs the connector configurations now
     * @param now the time, for how long a configuration waits for its connector
     */
    public void update(List<RunningConnector> running, List<ConnectionConfig> configs, Instant now) {
        update(running, configs, c -> ConnectorStart.UNKNOWN, now);
    }

    /**
     * Merges what runs with what is configured, and with where the connector of each configuration
     * without a running connector stands.
     *
     * @param start where the connector of a configuration stands, asked only for those not running
     */
    public synchronized void update(List<RunningConnector> running, List<ConnectionConfig> configs,
                                    Function<ConnectionConfig, ConnectorStart> start, Instant now) {
        Map<String, RunningConnector> byId = new LinkedHashMap<>();
        for (RunningConnector r : running) {
            byId.putIfAbsent(r.id(), r);
        }
        Set<String> hidden = new HashSet<>();
        List<ConnectionRow> next = new ArrayList<>();
        Set<String> stillMissing = new HashSet<>();
        for (ConnectionConfig c : configs) {
            if (c.source() != null && c.source().startsWith(ConnectionTester.SOURCE_PREFIX)) {
                hidden.add(c.id());
                continue;
            }
            RunningConnector r = byId.remove(c.id());
            String type = r != null && !r.type().isEmpty() ? r.type() : ConnectorType.shortName(c.factoryPid());
            if (r != null) {
                ConnectorState s = r.state();
                next.add(new ConnectionRow(c.id(), type, endpoint(c), s.status(), s.detail(), s.since(), true, c,
                    s.problem()));
            } else {
                Instant since = missingSince.computeIfAbsent(c.id(), k -> now);
                stillMissing.add(c.id());
                ConnectorStart how = start.apply(c);
                Status status;
                String detail;
                switch (how.stage()) {
                    case FAILED -> {
                        status = Status.FAILED;
                        detail = how.detail();
                    }
                    case STARTING, WAITING -> {
                        status = Status.CONNECTING;
                        detail = how.detail();
                    }
                    default -> {
                        boolean late = Duration.between(since, now).compareTo(START_GRACE) >= 0;
                        status = late ? Status.FAILED : Status.CONNECTING;
                        detail = !late ? "configured; waiting for the connector to start"
                            : how.stage() == ConnectorStart.Stage.NO_PROVIDER ? how.detail()
                            : "configured, but no connector runs for it: the bundle providing " + c.factoryPid()
                                + " may be missing or its connector failed to start; see the log";
                    }
                }
                next.add(new ConnectionRow(c.id(), type, endpoint(c), status, detail, since, false, c));
            }
        }
        missingSince.keySet().retainAll(stillMissing);
        for (RunningConnector r : byId.values()) {
            if (!hidden.contains(r.id()) && !r.id().endsWith(ConnectionTester.ID_SUFFIX)) {
                ConnectorState s = r.state();
                next.add(new ConnectionRow(r.id(), r.type(), "", s.status(), s.detail(), s.since(), true, null,
                    s.problem()));
            }
        }
        next.sort(Comparator.comparing(ConnectionRow::id, String.CASE_INSENSITIVE_ORDER));
        if (!next.equals(rows)) {
            rows = List.copyOf(next);
            version++;
        }
    }

    /** The rows, sorted by id. */
    public synchronized List<ConnectionRow> rows() {
        return rows;
    }

    /** The row of a connector id, if shown. */
    public synchronized @Nullable ConnectionRow row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** Every id shown: a new connection must take another. */
    public synchronized Set<String> ids() {
        Set<String> out = new TreeSet<>();
        rows.forEach(r -> out.add(r.id()));
        return out;
    }

    /** Changes whenever anything the view shows changes. */
    public synchronized long version() {
        return version;
    }

    /** A short count for the view: "3 connections: 2 connected, 1 failed". */
    public synchronized String summary() {
        if (rows.isEmpty()) {
            return "No connections yet";
        }
        Map<Status, Integer> counts = new java.util.EnumMap<>(Status.class);
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        StringBuilder b = new StringBuilder().append(rows.size()).append(rows.size() == 1 ? " connection" : " connections");
        String sep = ": ";
        for (Map.Entry<Status, Integer> e : counts.entrySet()) {
            b.append(sep).append(e.getValue()).append(' ').append(e.getKey().name().toLowerCase(java.util.Locale.ROOT));
            sep = ", ";
        }
        return b.toString();
    }

    static String endpoint(ConnectionConfig c) {
        for (String k : ENDPOINT_KEYS) {
            String v = c.text(k);
            if (!v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
