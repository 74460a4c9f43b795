package io.convergence.connector.sql.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a user sees when the database is not as expected, against an H2 server of the test's own
 * on loopback: refused credentials, nothing listening, a connection that drops, queries that fail.
 */
class ConnectionProblemsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final PointPath LEVEL = PointPath.parse("acme/lyon/tank1/level");

    private H2Server db;

    @BeforeEach
    void database() throws Exception {
        db = new H2Server();
        db.execute("CREATE TABLE tank (path VARCHAR(100), level DOUBLE PRECISION)",
            "INSERT INTO tank VALUES ('acme/lyon/tank1/level', 42.5)",
            "CREATE TABLE orders (id VARCHAR(20), product VARCHAR(20), line VARCHAR(20), qty BIGINT,"
                + " due TIMESTAMP WITH TIME ZONE, status VARCHAR(20), version BIGINT)",
            "INSERT INTO orders VALUES ('A-1', 'P', 'L1', 100, TIMESTAMP WITH TIME ZONE '2026-11-04 12:00:00+00', 'running', 1)");
    }

    @AfterEach
    void stop() throws Exception {
        Connectors.stopAll();
        db.close();
    }

    private Map<String, Object> config(String id) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("url", db.url());
        p.put("username", H2Server.USER);
        p.put("password", H2Server.PASSWORD);
        p.put("pollSeconds", 0.2);
        p.put("maxReconnectDelaySeconds", 1);
        p.put("pointQueries", new String[] {"SELECT path, level AS point_value, 'm' AS unit FROM tank"});
        return p;
    }

    @Test
    void aWrongPasswordIsAnAuthenticationProblem() throws Exception {
        Map<String, Object> p = config("wrong-password");
        p.put("password", "not-the-password");
        ConnectorState s = Connectors.await(Connectors.start(p), Status.FAILED, WAIT);
        assertEquals(ConnectorProblem.AUTHENTICATION, s.problem().type(), s.toString());
        assertTrue(s.detail().contains("refused user 'reader'") && s.detail().contains("Wrong user name or password"),
            s.detail());
        assertEquals("28000", s.problem().attributes().get("sqlState"));
        assertTrue(!s.detail().contains("not-the-password"), "the password is never shown");
    }

    @Test
    void aDatabaseNotListeningIsUnreachableAndIsConnectedOnceItListens() throws Exception {
        db.stop();
        Connector c = Connectors.start(config("not-yet"));
        ConnectorState s = Connectors.await(c, st -> st.problem() != null, "reporting a problem", WAIT);
        assertEquals(Status.CONNECTING, s.status(), "never connected yet: " + s);
        assertEquals(ConnectorProblem.UNREACHABLE, s.problem().type());
        assertTrue(s.detail().contains("Connection refused") && s.detail().contains("trying again in"), s.detail());
        db.start();
        Connectors.await(c, Status.CONNECTED, WAIT);
    }

    @Test
    void aDroppedConnectionBecomesReconnectingMarksAGapAndRecovers() throws Exception {
        try (Connectors.Samples samples = new Connectors.Samples(LEVEL)) {
            Connector c = Connectors.start(config("drops"));
            Connectors.await(c, Status.CONNECTED, WAIT);
            samples.next(s -> Double.valueOf(42.5).equals(s.value()), WAIT);

            db.stop();
            ConnectorState s = Connectors.await(c, Status.RECONNECTING, WAIT);
            assertEquals(ConnectorProblem.UNREACHABLE, s.problem().type(), s.toString());
            assertTrue(s.detail().startsWith("lost the connection to " + db.url()), s.detail());
            samples.next(x -> x.quality() == Quality.BAD, WAIT);

            db.start();
            ConnectorState back = Connectors.await(c, Status.CONNECTED, WAIT);
            assertEquals(null, back.problem());
            samples.next(x -> Double.valueOf(42.5).equals(x.value()) && x.quality() == Quality.GOOD, WAIT);
        }
    }

    @Test
    void aBadQueryIsAProblemWithItsSqlAndTheDatabasesMessageAndTheOtherQueriesGoOn() throws Exception {
        Map<String, Object> p = config("bad-query");
        p.put("ordersQuery", "SELECT id, product AS product_id, line AS work_center_id, qty AS quantity, due,"
            + " status AS state, no_such_column FROM orders");
        try (Connectors.Samples samples = new Connectors.Samples(LEVEL)) {
            Connector c = Connectors.start(p);
            ConnectorState s = Connectors.await(c, Status.FAILED, WAIT);
            assertEquals("query", s.problem().type());
            assertEquals("ordersQuery", s.problem().attributes().get("query"));
            assertTrue(s.problem().attributes().get("sql").contains("no_such_column"));
            assertTrue(s.problem().attributes().get("databaseMessage").contains("Column \"NO_SUCH_COLUMN\" not found"),
                s.problem().attributes().toString());
            assertTrue(s.detail().startsWith("ordersQuery fails: Column \"NO_SUCH_COLUMN\" not found"), s.detail());
            samples.next(x -> Double.valueOf(42.5).equals(x.value()), WAIT);

            db.execute("UPDATE tank SET level = 43.0");
            samples.next(x -> Double.valueOf(43.0).equals(x.value()), WAIT);
            assertEquals(Status.FAILED, c.state().status(), "still failing while the query does");
        }
    }

    @Test
    void rowsThatDoNotFitAreRejectedNamingTheRowAndTheColumn() throws Exception {
        db.execute("INSERT INTO orders VALUES ('A-2', 'P', 'L1', 50, TIMESTAMP WITH TIME ZONE '2026-11-04 13:00:00+00',"
            + " 'done', 2)");
        Map<String, Object> p = config("bad-rows");
        p.put("ordersQuery", "SELECT id, product AS product_id, line AS work_center_id, qty AS quantity, due,"
            + " status AS state, version FROM orders ORDER BY id");
        p.put("ordersChangeColumn", "version");
        ConnectorState s = Connectors.await(Connectors.start(p), Status.FAILED, WAIT);
        assertEquals("query", s.problem().type());
        assertEquals("ordersQuery row 2: column STATE order state 'done' is not one of planned, released, running, "
            + "completed, cancelled", s.detail());

        Map<String, Object> missing = config("missing-column");
        missing.put("ordersQuery", "SELECT id, product AS product_id, line AS work_center_id, due, status AS state FROM orders");
        ConnectorState m = Connectors.await(Connectors.start(missing), Status.FAILED, WAIT);
        assertTrue(m.detail().startsWith("ordersQuery: no column for quantity"), m.detail());
    }

    @Test
    void aUrlNoDriverAcceptsAndAnInvalidConfigurationSayWhatIsWrong() throws Exception {
        Map<String, Object> p = config("no-driver");
        p.put("url", "jdbc:nosuchdb://127.0.0.1/x");
        ConnectorState s = Connectors.await(Connectors.start(p), Status.FAILED, WAIT);
        assertEquals(ConnectorProblem.CONFIGURATION, s.problem().type());
        assertTrue(s.detail().startsWith("no installed JDBC driver accepts jdbc:nosuchdb://127.0.0.1/x (installed: "),
            s.detail());
        assertTrue(s.detail().contains("org.h2.Driver") || s.detail().contains("H2"), s.detail());

        Map<String, Object> q = config("invalid");
        q.put("ordersChangeColumn", "version");
        ConnectorState i = Connectors.await(Connectors.start(q), Status.FAILED, WAIT);
        assertEquals("invalid configuration: ordersChangeColumn: given without ordersQuery", i.detail());
    }
}
