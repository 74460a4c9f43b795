package io.convergence.demo.internal;

import static io.convergence.demo.Presets.ERP_USER;
import static io.convergence.demo.Presets.OEE_FACTORY;
import static io.convergence.demo.Presets.erp;
import static io.convergence.demo.Presets.erpUrl;
import static io.convergence.demo.Presets.oee;
import static io.convergence.demo.Presets.sqlErp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.point.PointPath;
import io.convergence.demo.Demo;
import io.convergence.demo.Presets;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;

/** The demo on the runtime's configuration service. */
@Component(service = Demo.class)
public final class DemoComponent implements Demo {

    /** The SQL connector's id for the simulated ERP. */
    static final String ERP_CONNECTOR = "erp";

    /** The simulated line, as its server names it. */
    static final String LINE = Presets.SIM_LINE + "/";
    static final List<String> LIVE = List.of("filler/state", "filler/speed", "filler/goodCount", "filler/rejectCount",
        "filler/temperature", "filler/vibration", "capper/state", "capper/speed", "labeler/state", "palletizer/state");
    /** How long {@link #start} waits for the simulated plant to serve. */
    static final Duration PLANT_START = Duration.ofSeconds(60);
    static final List<String> TREND = List.of("filler/vibration", "filler/bearingTemperature");

    private final ConfigurationService config;
    private final BundleContext context;

    @Activate
    public DemoComponent(@Reference ConfigurationService config, BundleContext context) {
        this.config = config;
        this.context = context;
    }

    @Override
    public String start(String source, Settings s) throws ConfigException, InterruptedException {
        String endpoint = Presets.simulatorEndpoint(s.port());
        int erpPort = freePort();
        // The simulated ERP's reporting password lives as long as this run.
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String erpPassword = HexFormat.of().formatHex(secret);
        // One name per part, as one file each would be: each can be replaced or removed on its own.
        // The ERP first: the line follows its plan from its first tick. The plant builds its server in
        // the background while the historian opens; the connector comes once the plant serves.
        config.apply(source + ":erp", erp(erpPort, s.seed(), erpPassword));
        config.apply(source + ":plant", Presets.simulator(s.port(), s.extraPoints(), s.seed(),
            s.dataDir().resolve("sim-pki")));
        config.apply(source + ":historian", Presets.historian(s.dataDir()));
        awaitPlant(s.port(), PLANT_START);
        config.apply(source + ":connector", Presets.opcua(CONNECTOR, endpoint, s.dataDir().resolve("pki"),
            Map.of()));
        config.apply(source + ":erp-connector", sqlErp(ERP_CONNECTOR, erpUrl(erpPort), ERP_USER, erpPassword));
        // The line's OEE when its model is installed (an admin may have removed the feature).
        if (config.schema(OEE_FACTORY).isPresent()) {
            config.apply(source + ":oee", oee("oee-line1", ERP_CONNECTOR));
        }
        return endpoint;
    }

    @Override
    public void awaitPlant(int port, Duration timeout) throws ConfigException, InterruptedException {
        Filter filter;
        try {
            filter = context.createFilter("(&(" + Constants.OBJECTCLASS + "=" + Presets.SIMULATOR_SERVICE + ")(port="
                + port + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker<Object, Object> plant = new ServiceTracker<>(context, filter, null);
        plant.open(true);
        try {
            if (plant.waitForService(Math.max(1, timeout.toMillis())) == null) {
                throw ConfigException.of("demo", "the simulated plant on port " + port + " does not serve after "
                    + timeout.toSeconds() + " s: see the log for why");
            }
        } finally {
            plant.close();
        }
    }

    @Override
    public void stop(String source) throws ConfigException {
        config.remove(source + ":oee");
        config.remove(source + ":erp-connector");
        config.remove(source + ":connector");
        config.remove(source + ":plant");
        config.remove(source + ":erp");
        config.remove(source + ":historian");
    }

    /** A free port on loopback for the simulated ERP's database server. */
    private static int freePort() throws ConfigException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw ConfigException.of("demo", "no free port on 127.0.0.1 for the simulated ERP: " + e.getMessage());
        }
    }

    @Override
    public List<PointPath> livePoints() {
        return LIVE.stream().map(p -> PointPath.parse(LINE + p)).toList();
    }

    @Override
    public List<PointPath> trendPoints() {
        return TREND.stream().map(p -> PointPath.parse(LINE + p)).toList();
    }
}
