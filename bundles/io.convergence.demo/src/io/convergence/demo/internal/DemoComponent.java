package io.convergence.demo.internal;

import java.util.List;
import java.util.Map;

import io.convergence.api.config.ConfigEntry;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.point.PointPath;
import io.convergence.demo.Demo;
import io.convergence.demo.Presets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The demo on the runtime's configuration service. */
@Component(service = Demo.class)
public final class DemoComponent implements Demo {

    /** The simulated line, as its server names it. */
    static final String LINE = "acme/lyon/packaging/line1/";
    static final List<String> LIVE = List.of("filler/state", "filler/speed", "filler/goodCount", "filler/rejectCount",
        "filler/temperature", "filler/vibration", "capper/state", "capper/speed", "labeler/state", "palletizer/state");
    static final List<String> TREND = List.of("filler/vibration", "filler/bearingTemperature");

    private final ConfigurationService config;

    @Activate
    public DemoComponent(@Reference ConfigurationService config) {
        this.config = config;
    }

    @Override
    public String start(String source, Settings s) throws ConfigException {
        String endpoint = Presets.simulatorEndpoint(s.port());
        // Three names, as three files would be: each can be replaced or removed on its own.
        config.apply(source + ":historian", List.of(Presets.historian(s.dataDir())));
        config.apply(source + ":plant", List.of(Presets.simulator(s.port(), s.extraPoints(), s.seed(),
            s.dataDir().resolve("sim-pki"))));
        config.apply(source + ":connector", List.<ConfigEntry>of(Presets.opcua(CONNECTOR, endpoint,
            s.dataDir().resolve("pki"), Map.of())));
        return endpoint;
    }

    @Override
    public void stop(String source) throws ConfigException {
        config.remove(source + ":connector");
        config.remove(source + ":plant");
        config.remove(source + ":historian");
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
