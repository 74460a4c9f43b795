package io.convergence.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Configuration documents (JSON, as a configuration file holds them) of the embedded default and the
 * demo: the embedded historian, the simulated plant and ERP, OPC UA and SQL connectors to them, the
 * simulated line's OEE. Applied through the configuration service, so each is checked against its
 * component's schema as a file would be. The one place where the simulator's and historian's PIDs,
 * the simulated plant's path and the ERP's queries are spelled.
 */
public final class Presets {

    public static final String HISTORIAN_PID = "io.convergence.historian.duckdb";
    public static final String SIMULATOR_PID = "io.convergence.sim.plant";
    /** The service the simulated plant registers once it serves; its properties hold its configuration (port). */
    public static final String SIMULATOR_SERVICE = "io.convergence.sim.plant.PlantSimulator";
    public static final String OPCUA_FACTORY = "io.convergence.connector.opcua";
    public static final String SIM_PATH = "convergence-sim";
    public static final String ERP_PID = "io.convergence.sim.erp";
    public static final String SQL_FACTORY = "io.convergence.connector.sql";
    public static final String OEE_FACTORY = "io.convergence.analytics.oee";
    /** The simulated packaging line's path, as the plant and the ERP's work centre name it. */
    public static final String SIM_LINE = "acme/lyon/packaging/line1";
    /** The simulated ERP's reporting account. */
    public static final String ERP_USER = "erp";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Presets() {
    }

    /** The embedded historian, its database in {@code dataDir}. */
    public static String historian(Path dataDir) {
        return write(Map.of(HISTORIAN_PID, object("dataDir", dataDir.toAbsolutePath().toString())));
    }

    /**
     * The embedded historian on a folder that another process may be writing: read-only, for commands
     * that only read history.
     */
    public static String historianReadOnly(Path dataDir) {
        return write(Map.of(HISTORIAN_PID, object("dataDir", dataDir.toAbsolutePath().toString(),
            "readOnly", true)));
    }

    /**
     * The simulated plant on {@code port} of 127.0.0.1.
     *
     * @param extraPoints sensors added to the line's machine variables, for load tests
     * @param seed makes every run the same
     * @param pkiDir where the server keeps its certificate
     */
    public static String simulator(int port, int extraPoints, long seed, Path pkiDir) {
        return write(Map.of(SIMULATOR_PID, object("port", port, "bindAddress", "127.0.0.1", "path", SIM_PATH,
            "seed", seed, "extraPoints", extraPoints, "pkiDir", pkiDir.toAbsolutePath().toString())));
    }

    /** The endpoint the simulated plant serves on {@code port}. */
    public static String simulatorEndpoint(int port) {
        return "opc.tcp://127.0.0.1:" + port + "/" + SIM_PATH;
    }

    /** An OPC UA connector instance; {@code extra} holds further properties such as security settings. */
    public static String opcua(String id, String endpoint, Path pkiDir, Map<String, Object> extra) {
        Map<String, Object> props = object("id", id, "endpoint", endpoint, "pkiDir",
            pkiDir.toAbsolutePath().toString());
        props.putAll(extra);
        return write(Map.of(OPCUA_FACTORY, List.of(props)));
    }

    /** The simulated ERP on a port of 127.0.0.1, its reporting account with this password. */
    public static String erp(int port, long seed, String password) {
        return write(Map.of(ERP_PID, object("port", port, "seed", seed, "user", ERP_USER, "password", password,
            "zone", "Europe/Paris")));
    }

    /** The JDBC URL of the simulated ERP on a port of 127.0.0.1. */
    public static String erpUrl(int port) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:erp";
    }

    /**
     * A SQL connector instance for the simulated ERP's schema (docs/analytics/erp-schema.md): every kind
     * of business record, the growing tables read by their change column, and two points per line,
     * the order running on it and its product.
     */
    public static String sqlErp(String id, String url, String user, String password) {
        Map<String, Object> props = object("id", id, "url", url, "username", user, "password", password,
            "pollSeconds", 2,
            "productsQuery", "SELECT id, name, unit, ideal_cycle_s AS ideal_cycle_seconds, setup_s AS changeover_seconds,"
                + " unit_cost, price, currency FROM material_definition",
            "workCentersQuery", "SELECT id, name, equipment_path AS path, cost_rate_per_hour, currency FROM work_center",
            "ordersQuery", "SELECT id, material_id AS product_id, work_center_id, quantity, due_time, planned_start,"
                + " planned_end, actual_start, actual_end, state, row_version FROM production_order",
            "ordersChangeColumn", "row_version",
            "shiftsQuery", "SELECT id, name, work_center_id, start_time, end_time, time_zone AS zone, row_version FROM shift",
            "shiftsChangeColumn", "row_version",
            "plannedStopsQuery", "SELECT id, work_center_id, kind, reason_code, start_time, end_time, description,"
                + " row_version FROM planned_stop",
            "plannedStopsChangeColumn", "row_version",
            "reasonCodesQuery", "SELECT code, text, loss_category AS category, planned FROM reason_code",
            "tariffQuery", "SELECT id, name, start_time, end_time, price_per_kwh, currency, row_version FROM energy_tariff",
            "tariffChangeColumn", "row_version",
            "pointQueries", List.of(
                "SELECT w.equipment_path || '/order' AS path, o.id AS point_value, o.actual_start AS sample_time,"
                    + " 'production order running on the line (ERP)' AS description"
                    + " FROM work_center w LEFT JOIN production_order o ON o.work_center_id = w.id AND o.state = 'running'",
                "SELECT w.equipment_path || '/product' AS path, o.material_id AS point_value, o.actual_start AS sample_time,"
                    + " 'product of the order running on the line (ERP)' AS description"
                    + " FROM work_center w LEFT JOIN production_order o ON o.work_center_id = w.id AND o.state = 'running'"));
        return write(Map.of(SQL_FACTORY, List.of(props)));
    }

    /**
     * The OEE model of the simulated line: the filler's state, reason and counters (the line's output
     * is counted at the filler), shifts, planned stops, reason codes and products from the business
     * source {@code erpSource}; its changeover reason (4) is a setup.
     */
    public static String oee(String id, String erpSource) {
        String f = SIM_LINE + "/filler/";
        return write(Map.of(OEE_FACTORY, List.of(object("id", id, "line", SIM_LINE, "statePoint", f + "state",
            "runningStates", List.of("running"), "goodCountPoint", f + "goodCount", "rejectCountPoint", f + "rejectCount",
            "reasonPoint", f + "downReason", "idealCycleSeconds", 0.1, "shifts", List.of(), "breaks", List.of(),
            "zone", "Europe/Paris", "microStopSeconds", 30, "setupReasons", List.of("4"), "erpSource", erpSource))));
    }

    private static String write(Map<String, ?> document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a preset is not writable as JSON", e);
        }
    }

    /** An object from alternating keys and values, in that order. */
    private static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
