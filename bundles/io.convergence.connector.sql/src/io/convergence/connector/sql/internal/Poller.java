package io.convergence.connector.sql.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.business.RecordKind;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.connector.ConnectorSupport;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.SampleBatch;
import io.convergence.connector.sql.internal.Columns.MappingException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's one thread: connects, runs every query each poll interval, hands records to the
 * {@link RecordStore} and samples to the bus, and keeps the connector's state.
 *
 * <ul>
 * <li>A database that cannot be reached: {@code CONNECTING} (before the first connection) or
 * {@code RECONNECTING}, retried after 0.5 s, then twice as long each time up to the longest delay;
 * the points get a gap when the connection is lost.
 * <li>Refused credentials, an unknown database, no driver for the URL: {@code FAILED}, tried again
 * at the longest delay (someone may fix the database's side).
 * <li>A query the database rejects, or whose rows do not fit: {@code FAILED} with a problem naming
 * the query, its SQL and the database's message; the other queries go on being polled, and the
 * state comes back when the query works.
 * </ul>
 */
final class Poller {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);

    private final SqlSettings s;
    private final ConnectorSupport support;
    private final SampleBus bus;
    private final Drivers drivers;
    private final RecordStore store;
    private final List<RecordQuery> records = new ArrayList<>();
    private final List<PointQuery> points = new ArrayList<>();
    private final ScheduledExecutorService thread;
    private final Runnable recordsReady;
    private final Set<RecordKind> loaded = EnumSet.noneOf(RecordKind.class);
    private @Nullable Connection connection;
    private boolean everConnected;
    private boolean ready;
    private Duration retry = FIRST_RETRY;

    /**
     * @param recordsReady run once, on this thread, when every configured kind of record has been read
     */
    Poller(SqlSettings s, ConnectorSupport support, SampleBus bus, Drivers drivers, RecordStore store,
           ScheduledExecutorService thread, Runnable recordsReady) {
        this.s = s;
        this.support = support;
        this.bus = bus;
        this.drivers = drivers;
        this.store = store;
        this.thread = thread;
        this.recordsReady = recordsReady;
        for (SqlSettings.RecordQuerySpec spec : s.records()) {
            records.add(new RecordQuery(spec));
        }
        for (int i = 0; i < s.pointQueries().size(); i++) {
            points.add(new PointQuery(i, s.pointQueries().get(i)));
        }
    }

    void start() {
        thread.execute(this::cycle);
    }

    /** Stops polling and closes the connection; returns when the thread has ended. */
    void stop() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("SQL connector {}: a poll did not end within 10 s", s.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    private void cycle() {
        Duration next = s.poll();
        try {
            if (connection == null) {
                next = connect();
            }
            if (connection != null) {
                next = pollAll(connection);
            }
        } catch (RuntimeException e) {
            LOG.error("SQL connector {}: poll failed", s.id(), e);
        }
        if (!thread.isShutdown()) {
            try {
                thread.schedule(this::cycle, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping
            }
        }
    }

    /** Opens the connection; returns how long to wait before the next attempt or poll. */
    private Duration connect() {
        String url = s.safeUrl();
        try {
            Driver d = drivers.driverFor(s.url());
            if (d == null) {
                support.fail(ConnectorProblem.of(ConnectorProblem.CONFIGURATION, "no installed JDBC driver accepts "
                    + url + " (installed: " + drivers.describe() + "); install the driver's bundle"));
                return s.poll();
            }
            Properties p = new Properties();
            if (!s.username().isEmpty()) {
                p.setProperty("user", s.username());
            }
            if (!s.password().isEmpty()) {
                p.setProperty("password", s.password());
            }
            Connection c = d.connect(s.url(), p);
            if (c == null) {
                support.fail(ConnectorProblem.of(ConnectorProblem.CONFIGURATION, "the JDBC driver refuses " + url));
                return s.maxReconnectDelay();
            }
            c.setAutoCommit(true);
            c.setReadOnly(true);
            connection = c;
            everConnected = true;
            retry = FIRST_RETRY;
            LOG.info("SQL connector {} connected to {}", s.id(), url);
            return Duration.ZERO;
        } catch (SQLException e) {
            ConnectorProblem problem = Problems.connecting(e, url, s.username());
            if (problem.type().equals(ConnectorProblem.UNREACHABLE)) {
                Duration wait = retry;
                retry = min(retry.multipliedBy(2), s.maxReconnectDelay());
                support.state(everConnected ? Status.RECONNECTING : Status.CONNECTING, problem.message()
                    + "; trying again in " + seconds(wait), problem);
                return wait;
            }
            support.fail(problem);
            return s.maxReconnectDelay();
        }
    }

    /** Runs every query once; returns the delay until the next poll. */
    private Duration pollAll(Connection c) {
        List<ConnectorProblem> problems = new ArrayList<>();
        for (RecordQuery q : records) {
            try {
                store.apply(q.kind(), q.poll(c, s.queryTimeoutSeconds(), s.zone()));
                loaded.add(q.kind());
            } catch (SQLException e) {
                if (lost(c, e)) {
                    return lose(e);
                }
                problems.add(Problems.query(q.name(), q.sql(), e));
            } catch (MappingException e) {
                problems.add(Problems.mapping(q.name(), q.sql(), e.getMessage()));
            }
        }
        for (PointQuery q : points) {
            try {
                PointQuery.Result r = q.poll(c, s.queryTimeoutSeconds(), s.zone(), s.id());
                if (r.pointsChanged()) {
                    announce();
                }
                if (!r.samples().isEmpty()) {
                    bus.publish(r.samples());
                }
            } catch (SQLException e) {
                if (lost(c, e)) {
                    return lose(e);
                }
                problems.add(Problems.query(q.name(), q.sql(), e));
            } catch (MappingException e) {
                problems.add(Problems.mapping(q.name(), q.sql(), e.getMessage()));
            }
        }
        if (!ready && loaded.size() == records.size() && !records.isEmpty()) {
            ready = true;
            recordsReady.run();
        }
        if (problems.isEmpty()) {
            support.state(Status.CONNECTED, summary());
        } else {
            ConnectorProblem first = problems.get(0);
            support.state(Status.FAILED, first.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                + " more failing queries)" : ""), first);
        }
        return s.poll();
    }

    private void announce() {
        List<PointInfo> all = new ArrayList<>();
        for (PointQuery q : points) {
            all.addAll(q.points());
        }
        support.announce(all);
    }

    /** Whether the error means the connection is gone, rather than the query being wrong. */
    private static boolean lost(Connection c, SQLException e) {
        if (Problems.connectionLost(e)) {
            return true;
        }
        try {
            return !c.isValid(2);
        } catch (SQLException x) {
            return true;
        }
    }

    private Duration lose(SQLException e) {
        close();
        if (!support.points().isEmpty()) {
            SampleBatch gaps = support.gapsNow();
            bus.publish(gaps);
        }
        for (PointQuery q : points) {
            q.forget();
        }
        Duration wait = retry;
        retry = min(retry.multipliedBy(2), s.maxReconnectDelay());
        ConnectorProblem problem = Problems.connecting(e, s.safeUrl(), s.username());
        support.state(Status.RECONNECTING, "lost the connection to " + s.safeUrl() + ": " + Problems.message(e)
            + "; trying again in " + seconds(wait), problem);
        LOG.warn("SQL connector {} lost the connection to {}: {}", s.id(), s.safeUrl(), Problems.message(e));
        return wait;
    }

    private String summary() {
        List<String> parts = new ArrayList<>();
        for (RecordQuery q : records) {
            parts.add(Mappings.noun(q.kind(), store.count(q.kind())));
        }
        if (!points.isEmpty()) {
            parts.add(support.points().size() + " points");
        }
        return String.join(", ", parts) + " from " + s.safeUrl() + (s.username().isEmpty() ? "" : " as " + s.username());
    }

    private void close() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the connection is gone already
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
