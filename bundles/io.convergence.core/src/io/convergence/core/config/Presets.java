package io.convergence.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Configuration documents for the usual setups: historian, simulated plant, OPC UA connector. */
public final class Presets {

    public static final String HISTORIAN_PID = "io.convergence.historian.duckdb";
    public static final String SIMULATOR_PID = "io.convergence.sim.plant";
    public static final String OPCUA_FACTORY = "io.convergence.connector.opcua";
    public static final String SIM_PATH = "convergence-sim";

    private Presets() {
    }

    public static String historian(Path dataDir) {
        return Json.write(Map.of(HISTORIAN_PID, Json.object("dataDir", dataDir.toAbsolutePath().toString())));
    }

    public static String simulator(int port, int extraPoints, long seed, Path pkiDir) {
        return Json.write(Map.of(SIMULATOR_PID, Json.object("port", port, "bindAddress", "127.0.0.1", "path", SIM_PATH,
            "seed", seed, "extraPoints", extraPoints, "pkiDir", pkiDir.toAbsolutePath().toString())));
    }

    public static String simulatorEndpoint(int port) {
        return "opc.tcp://127.0.0.1:" + port + "/" + SIM_PATH;
    }

    /** An OPC UA connector instance; {@code extra} holds further properties such as security settings. */
    public static String opcua(String id, String endpoint, Path pkiDir, Map<String, Object> extra) {
        Map<String, Object> props = Json.object("id", id, "endpoint", endpoint, "pkiDir",
            pkiDir.toAbsolutePath().toString());
        props.putAll(extra);
        return Json.write(Map.of(OPCUA_FACTORY, List.of(props)));
    }
}
