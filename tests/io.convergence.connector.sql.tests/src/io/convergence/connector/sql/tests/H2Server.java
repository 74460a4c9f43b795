package io.convergence.connector.sql.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import io.convergence.testing.Osgi;

import org.h2.tools.Server;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * An H2 database of the test's own, in memory, served over TCP on a loopback port that stays the
 * same across {@link #stop()} and {@link #start()}: a database that goes away and comes back.
 */
final class H2Server implements AutoCloseable {

    static final String USER = "reader";
    static final String PASSWORD = "reader-secret";

    private final String name = "probe" + UUID.randomUUID().toString().replace("-", "");
    private final int port;
    private final Path baseDir;
    private final Connection owner;
    private Server server;

    H2Server() throws Exception {
        this.port = Connectors.freePort();
        this.baseDir = Files.createTempDirectory("convergence-h2-test");
        this.owner = driver().connect("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", props("owner", "owner"));
        try (Statement s = owner.createStatement()) {
            s.execute("CREATE USER " + USER + " PASSWORD '" + PASSWORD + "' ADMIN");
        }
        start();
    }

    /** Serves the database on its port (again). */
    void start() throws SQLException {
        server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifExists", "-tcpDaemon", "-baseDir",
            baseDir.toString()).start();
    }

    /** Stops serving: clients lose their connections and cannot connect until {@link #start()}. */
    void stop() {
        server.stop();
    }

    int port() {
        return port;
    }

    String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + name;
    }

    /** Runs statements as the database's owner, in the process (whether served or not). */
    void execute(String... sql) throws SQLException {
        try (Statement s = owner.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.stop();
        try (Statement s = owner.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // gone already
        }
        Files.deleteIfExists(baseDir);
    }

    private static java.sql.Driver driver() throws SQLException {
        return Osgi.await(DataSourceFactory.class, "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.h2.Driver)",
            Duration.ofSeconds(10)).createDriver(null);
    }

    private static Properties props(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }
}
