package io.convergence.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.convergence.api.config.ConfigEntry;

/**
 * Configurations of the usual setups, built in code and applied through the configuration
 * service (checked against each component's schema, as a file would be): the embedded historian,
 * the simulated plant, an OPC UA connector.
 */
public final class Presets {

    static final String HISTORIAN_PID = "io.convergence.historian.duckdb";
    static final String SIMULATOR_PID = "io.convergence.sim.plant";
    static final String OPCUA_FACTORY = "io.convergence.connector.opcua";
    static final String SIMULATOR_PATH = "convergence-sim";

    private Presets() {
    }

    /** The embedded historian, its database in {@code dataDir}. */
    public static ConfigEntry historian(Path dataDir) {
        return ConfigEntry.singleton(HISTORIAN_PID, Map.of("dataDir", dataDir.toAbsolutePath().toString()));
    }

    /**
     * The simulated plant on {@code port} of 127.0.0.1.
     *
     * @param extraPoints sensors added to the line's machine variables, for load tests
     * @param seed makes every run the same
     * @param pkiDir where the server keeps its certificate
     */
    public static ConfigEntry simulator(int port, int extraPoints, long seed, Path pkiDir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("port", port);
        p.put("bindAddress", "127.0.0.1");
        p.put("path", SIMULATOR_PATH);
        p.put("seed", seed);
        p.put("extraPoints", extraPoints);
        p.put("pkiDir", pkiDir.toAbsolutePath().toString());
        return ConfigEntry.singleton(SIMULATOR_PID, p);
    }

    /** The endpoint the simulated plant serves on {@code port}. */
    public static String simulatorEndpoint(int port) {
        return "opc.tcp://127.0.0.1:" + port + "/" + SIMULATOR_PATH;
    }

    /** An OPC UA connector instance; {@code extra} holds further properties such as security settings. */
    public static ConfigEntry opcua(String id, String endpoint, Path pkiDir, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("endpoint", endpoint);
        p.put("pkiDir", pkiDir.toAbsolutePath().toString());
        p.putAll(extra);
        return ConfigEntry.instance(OPCUA_FACTORY, id, p);
    }
}
