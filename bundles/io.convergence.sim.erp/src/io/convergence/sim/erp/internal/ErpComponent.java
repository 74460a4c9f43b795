package io.convergence.sim.erp.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.convergence.sim.erp.SimulatedErp;
import io.convergence.sim.erp.internal.model.MasterData;
import io.convergence.sim.plant.internal.model.LinePlan;
import io.convergence.sim.plant.internal.model.PlantLayout;

import org.h2.tools.DeleteDbFiles;
import org.h2.tools.Server;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulated ERP while its configuration exists: creates the database afresh (schema,
 * master data, calendar, tariff, orders from the seed), serves it over TCP on loopback, and offers
 * the simulated line its plan. A changed configuration starts it afresh.
 *
 * <p>H2 listens on the address of the JVM's {@code h2.bindAddress} property (the products and the
 * tests set 127.0.0.1) and, whatever it listens on, refuses clients from other hosts and remote
 * creation of databases. The owner's account has a random password known only in this process.
 */
@Component(service = {}, configurationPid = SimulatedErp.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true)
@Designate(ocd = ErpComponent.Config.class)
public final class ErpComponent implements SimulatedErp {

    @ObjectClassDefinition(name = "Simulated ERP",
        description = "An H2 database on 127.0.0.1 holding the ERP data of the simulated plant: products, the line, "
            + "the shift calendar, production orders, reason codes and the energy tariff. The simulated line runs "
            + "its orders and writes back what it did. For demonstrations and tests.")
    public @interface Config {
        @AttributeDefinition(name = "Port", description = "TCP port of the database on 127.0.0.1; 0 for any free port.",
            min = "0", max = "65535")
        int port() default 9092;

        @AttributeDefinition(name = "Seed", description = "Same seed, same products, calendar and order book.")
        long seed() default 42;

        @AttributeDefinition(name = "User", description = "The reporting account: it may read every table.")
        String user() default "erp";

        @AttributeDefinition(name = "Password", description = "The reporting account's password.",
            type = AttributeType.PASSWORD)
        String password() default "erp";

        @AttributeDefinition(name = "Time zone", description = "The plant's time zone: shifts and tariffs follow its clock.")
        String zone() default "Europe/Paris";

        @AttributeDefinition(name = "Data folder", description = "Where the database file is kept (made afresh at "
            + "every start, left after a stop for inspection); empty keeps the database in memory.", required = false)
        String dataDir() default "";
    }

    static final String DB_NAME = "erp";
    private static final String OWNER = "erp_owner";
    private static final Logger LOG = LoggerFactory.getLogger(ErpComponent.class);

    private final ErpSettings settings;
    private final String ownerPassword;
    private final Instant anchor;
    private final ScheduledExecutorService dbThread;
    private final Path baseDir;
    private final boolean tempBaseDir;
    private final Connection owner;
    private final Server server;
    private final String jdbcUrl;
    private final ServiceRegistration<SimulatedErp> erpRegistration;
    private final ServiceRegistration<LinePlan> planRegistration;

    @Activate
    public ErpComponent(BundleContext context, Config config) throws Exception {
        this.settings = ErpSettings.from(config);
        long begin = System.nanoTime();
        this.ownerPassword = randomSecret();
        this.anchor = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path dir = settings.dataDir();
        this.tempBaseDir = dir == null;
        this.baseDir = dir == null ? Files.createTempDirectory("convergence-erp") : Files.createDirectories(dir);
        this.dbThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "convergence-sim-erp");
            t.setDaemon(true);
            return t;
        });
        Connection c = null;
        Server s = null;
        try {
            c = onDbThread(this::create);
            ErpDatabase db = new ErpDatabase(c);
            ErpLine line = new ErpLine(settings.seed(), settings.zone(), db, new PlantRecords(c), dbThread);
            onDbThread(() -> {
                line.plan(anchor);
                return null;
            });
            s = Server.createTcpServer("-tcpPort", Integer.toString(settings.port()), "-tcpDaemon", "-ifExists",
                "-baseDir", baseDir.toString(), "-tcpPassword", randomSecret())
                .start();
            this.owner = c;
            this.server = s;
            this.jdbcUrl = "jdbc:h2:tcp://127.0.0.1:" + s.getPort() + "/" + (dir == null ? "mem:" : "") + DB_NAME;
            dbThread.scheduleWithFixedDelay(() -> line.submit("the snapshot", line::refresh), 1, 1, TimeUnit.SECONDS);
            dbThread.scheduleWithFixedDelay(() -> line.submit("planning", () -> line.extend(Instant.now())), 60, 60,
                TimeUnit.SECONDS);
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("port", s.getPort());
            props.put("jdbc.url", jdbcUrl);
            props.put("seed", settings.seed());
            props.put(Constants.SERVICE_DESCRIPTION, "simulated ERP at " + jdbcUrl);
            this.erpRegistration = context.registerService(SimulatedErp.class, this, props);
            Hashtable<String, Object> planProps = new Hashtable<>();
            planProps.put("line", PlantLayout.LINE_PATH);
            planProps.put(Constants.SERVICE_DESCRIPTION, "plan of " + PlantLayout.LINE_PATH + " from the simulated ERP");
            this.planRegistration = context.registerService(LinePlan.class, line, planProps);
        } catch (Exception | Error e) {
            if (s != null) {
                s.stop();
            }
            dbThread.shutdownNow();
            if (c != null) {
                close(c);
            }
            deleteTemp();
            throw e;
        }
        String bind = System.getProperty("h2.bindAddress", "");
        if (!bind.equals("127.0.0.1") && !bind.equals("localhost") && !bind.equals("::1")) {
            LOG.warn("The simulated ERP's database listens on every interface (H2 refuses clients from other hosts); "
                + "start the JVM with -Dh2.bindAddress=127.0.0.1 to listen on loopback only");
        }
        LOG.info("Simulated ERP serving {} as {} (seed {}, work centre {}), started in {} ms", jdbcUrl, settings.user(),
            settings.seed(), MasterData.LINE_ID, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    private static String randomSecret() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Opens the database afresh as its owner and creates the schema, the reporting user and the master data. */
    private Connection create() throws SQLException {
        Path dir = settings.dataDir();
        String url;
        if (dir == null) {
            url = "jdbc:h2:mem:" + DB_NAME + ";DB_CLOSE_DELAY=-1";
        } else {
            DeleteDbFiles.execute(dir.toString(), DB_NAME, true);
            url = "jdbc:h2:file:" + dir.resolve(DB_NAME);
        }
        Properties p = new Properties();
        p.setProperty("user", OWNER);
        p.setProperty("password", ownerPassword);
        Connection c = org.h2.Driver.load().connect(url, p);
        try {
            c.setAutoCommit(false);
            ErpDatabase db = new ErpDatabase(c);
            db.create(settings.user(), settings.password());
            long seed = settings.seed();
            db.insert(MasterData.products(seed), MasterData.line(seed), MasterData.reasonCodes());
            db.commit();
            return c;
        } catch (SQLException | RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private interface DbWork<T> {
        T run() throws Exception;
    }

    private <T> T onDbThread(DbWork<T> work) throws Exception {
        try {
            return dbThread.submit(work::run).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        // The line first: it hands its last account over to the plan while the database thread still runs.
        unregister(planRegistration);
        unregister(erpRegistration);
        dbThread.shutdown();
        try {
            if (!dbThread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The simulated ERP's database work did not end within 10 s");
                dbThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        close(owner);
        deleteTemp();
        LOG.info("Simulated ERP at {} stopped", jdbcUrl);
    }

    private static void unregister(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }

    /** Closes the database: an in-memory one is gone after this, a file stays for inspection. */
    private static void close(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("Shutting the simulated ERP's database down: {}", e.getMessage());
        }
        try {
            c.close();
        } catch (SQLException e) {
            // closed by the shutdown
        }
    }

    private void deleteTemp() {
        if (tempBaseDir) {
            try {
                Files.deleteIfExists(baseDir);
            } catch (IOException e) {
                LOG.debug("Removing {}: {}", baseDir, e.getMessage());
            }
        }
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public String user() {
        return settings.user();
    }

    @Override
    public long seed() {
        return settings.seed();
    }

    @Override
    public Instant anchor() {
        return anchor;
    }

    @Override
    public Connection openAsOwner() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", OWNER);
        p.setProperty("password", ownerPassword);
        return org.h2.Driver.load().connect(jdbcUrl, p);
    }
}
