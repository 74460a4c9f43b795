package io.convergence.connector.sql.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.convergence.testing.Osgi;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * A PostgreSQL cluster of the test's own: {@code initdb} into a temporary folder, the server on a
 * free loopback port with its socket in that folder, password authentication (SCRAM), stopped and
 * removed at the end. PostgreSQL refuses to run as root; as root (CI) the cluster belongs to the
 * user {@code nobody} and its programs run through {@code runuser}.
 */
final class PostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    static final String PASSWORD = "pg-secret";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean root;

    private PostgresServer(Path bin, Path dir, int port, boolean root) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.root = root;
    }

    /** Creates a cluster and starts it; fails with what to install when PostgreSQL is missing. */
    static PostgresServer start() throws Exception {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("convergence-pg");
        Files.writeString(dir.resolve("pwfile"), PASSWORD + "\n", StandardCharsets.UTF_8);
        if (root) {
            UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(dir, nobody);
            Files.setOwner(dir.resolve("pwfile"), nobody);
        }
        PostgresServer pg = new PostgresServer(bin, dir, Connectors.freePort(), root);
        pg.run(Duration.ofSeconds(60), bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", SUPERUSER,
            "--auth=scram-sha-256", "--pwfile=" + dir.resolve("pwfile"), "-E", "UTF8", "--locale=C", "--no-sync");
        pg.startServer();
        return pg;
    }

    /** Starts the server (again), on the same port; returns when it accepts connections. */
    void startServer() throws Exception {
        run(Duration.ofSeconds(60), bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
            dir.resolve("server.log").toString(), "-w", "-t", "50", "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the server at once: clients lose their connections. */
    void stopServer() throws Exception {
        run(Duration.ofSeconds(60), bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
            "stop");
    }

    int port() {
        return port;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs statements as the superuser in a database. */
    void execute(String database, String... sql) throws SQLException {
        try (Connection c = connect(database, SUPERUSER, PASSWORD); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** A connection through the PostgreSQL driver's OSGi DataSourceFactory. */
    Connection connect(String database, String user, String password) throws SQLException {
        DataSourceFactory f = Osgi.await(DataSourceFactory.class,
            "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.postgresql.Driver)", Duration.ofSeconds(10));
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return f.createDriver(null).connect(url(database), p);
    }

    @Override
    public void close() throws Exception {
        try {
            stopServer();
        } catch (Exception | AssertionError e) {
            // not running
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void run(Duration timeout, String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("command.log").toFile()).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeout);
        }
        if (p.exitValue() != 0) {
            String log = Files.readString(dir.resolve("command.log"));
            Path server = dir.resolve("server.log");
            throw new AssertionError(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + log
                + (Files.exists(server) ? "\nserver log:\n" + Files.readString(server) : ""));
        }
    }

    private static Path findBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(base)) {
                for (Path v : versions) {
                    if (Files.isExecutable(v.resolve("bin/initdb"))) {
                        return v.resolve("bin");
                    }
                }
            }
        }
        throw new AssertionError("no PostgreSQL server under /usr/lib/postgresql/*/bin: install it (apt-get install "
            + "postgresql-15; .ci/run does)");
    }
}
