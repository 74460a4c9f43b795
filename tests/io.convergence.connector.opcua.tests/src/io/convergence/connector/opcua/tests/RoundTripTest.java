package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.convergence.api.connector.BrowseNode;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorException;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.sim.plant.PlantSimulator;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the simulated plant with security None: browse, read, write, call, subscribe, announce, stop. */
class RoundTripTest {

    private static final String ID = "opcua-roundtrip";
    private static final String LINE = "acme/lyon/packaging/line1";

    @TempDir
    static Path temp;

    private static PlantSimulator plant;
    private static Connector connector;
    private static SampleCollector samples;
    private static String machine;

    @BeforeAll
    static void start() throws Exception {
        samples = new SampleCollector("test-roundtrip");
        plant = Fixture.startPlant(Fixture.freePort(), temp.resolve("sim-pki"), Map.of());
        machine = PointPath.parse(plant.variablePaths().get(0)).segments().get(4);
        connector = Fixture.startConnector(ID, Map.of("endpoint", plant.endpointUrl(),
            "pkiDir", temp.resolve("client-pki").toString()));
        Fixture.awaitState(connector, Status.CONNECTED, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        samples.close();
        Fixture.stopConnector(ID);
        Fixture.stopPlant();
    }

    @Test
    void browsesFromTheRootDownToTheMachineVariablesAndMethods() throws Exception {
        String node = null;
        for (String name : List.of("acme", "lyon", "packaging", "line1", machine)) {
            List<BrowseNode> children = connector.browse(node).get(10, TimeUnit.SECONDS);
            BrowseNode child = children.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + name + "' among " + names(children)));
            assertTrue(child.kind() == BrowseNode.Kind.FOLDER || child.kind() == BrowseNode.Kind.OBJECT, child.toString());
            node = child.nodeId();
        }
        List<BrowseNode> vars = connector.browse(node).get(10, TimeUnit.SECONDS);
        BrowseNode speed = find(vars, "speed");
        assertEquals(BrowseNode.Kind.VARIABLE, speed.kind());
        assertEquals(DataType.DOUBLE, speed.type());
        assertEquals(PointPath.parse(LINE + "/" + machine + "/speed"), speed.point());
        assertEquals(DataType.STRING, find(vars, "state").type());
        assertEquals(BrowseNode.Kind.METHOD, find(vars, "ResetCounters").kind());
        assertEquals(BrowseNode.Kind.METHOD, find(vars, "SetState").kind());
        assertTrue(vars.stream().noneMatch(b -> b.name().equals("EngineeringUnits")), "properties are not points: " + names(vars));

        ExecutionException unknown = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
            () -> connector.browse("ns=1;s=no/such/node").get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConnectorException.class, unknown.getCause());
        assertTrue(unknown.getCause().getMessage().contains("ns=1;s=no/such/node"), unknown.getCause().getMessage());
        assertTrue(unknown.getCause().getMessage().contains("Bad_NodeIdUnknown"), unknown.getCause().getMessage());
    }

    @Test
    void readsWritesAndCallsMethods() throws Exception {
        PointPath speed = PointPath.parse(LINE + "/" + machine + "/speed");
        Sample s = connector.read(speed).get(10, TimeUnit.SECONDS);
        assertInstanceOf(Double.class, s.value());
        assertEquals(Quality.GOOD, s.quality());

        PointPath setpoint = PointPath.parse(LINE + "/" + machine + "/speedSetpoint");
        connector.write(setpoint, 123.5).get(10, TimeUnit.SECONDS);
        assertEquals(123.5, connector.read(setpoint).get(10, TimeUnit.SECONDS).number(), 1e-9);
        connector.write(setpoint, "99").get(10, TimeUnit.SECONDS);
        assertEquals(99.0, connector.read(setpoint).get(10, TimeUnit.SECONDS).number(), 1e-9);

        ExecutionException bad = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
            () -> connector.write(setpoint, "fast").get(10, TimeUnit.SECONDS));
        assertInstanceOf(ConnectorException.class, bad.getCause());
        assertTrue(bad.getCause().getMessage().contains(setpoint.toString()), bad.getCause().getMessage());

        ExecutionException readOnly = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
            () -> connector.write(speed, 1.0).get(10, TimeUnit.SECONDS));
        assertTrue(readOnly.getCause().getMessage().contains("Bad_"), readOnly.getCause().getMessage());

        String object = "nsu=" + PlantSimulator.NAMESPACE_URI + ";s=" + LINE + "/" + machine;
        String method = object + "/SetState";
        object = nodeIdOf(object);
        method = nodeIdOf(method);
        connector.call(object, method, List.of("idle", 0)).get(10, TimeUnit.SECONDS);
        PointPath state = PointPath.parse(LINE + "/" + machine + "/state");
        String finalObject = object;
        String finalMethod = method;
        Fixture.waitFor("state idle", Duration.ofSeconds(5), () -> {
            try {
                return "idle".equals(connector.read(state).get(10, TimeUnit.SECONDS).value()) ? Boolean.TRUE : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ExecutionException wrong = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
            () -> connector.call(finalObject, finalMethod, List.of("flying", 0)).get(10, TimeUnit.SECONDS));
        assertTrue(wrong.getCause().getMessage().contains("Bad_InvalidArgument"), wrong.getCause().getMessage());
        connector.call(finalObject, finalMethod, List.of("running", 0)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void everySimulatorVariableDeliversSamplesAndIsAnnounced() throws Exception {
        Set<PointPath> all = plant.variablePaths().stream().map(PointPath::parse).collect(Collectors.toSet());
        Fixture.waitFor("samples for all " + all.size() + " variables", Duration.ofSeconds(15),
            () -> samples.withoutValueSince(all, 0).isEmpty() ? Boolean.TRUE : null,
            () -> ": missing " + samples.withoutValueSince(all, 0));
        Fixture.waitFor("values changing tick by tick", Duration.ofSeconds(10),
            () -> samples.samples() > 3L * all.size() ? Boolean.TRUE : null, () -> ": " + samples.samples() + " samples");
        assertTrue(samples.batches() < samples.samples(), "batched: " + samples.batches() + " batches for "
            + samples.samples() + " samples");

        PointRegistry registry = Osgi.await(PointRegistry.class);
        for (PointPath p : all) {
            Optional<PointInfo> info = registry.find(p);
            assertTrue(info.isPresent(), "not announced: " + p);
            assertEquals(ID, info.get().source());
            assertNotNull(info.get().sourceAddress());
        }
        PointInfo temperature = registry.find(PointPath.parse(LINE + "/" + machine + "/temperature")).orElseThrow();
        assertEquals(DataType.DOUBLE, temperature.type());
        assertFalse(temperature.unit().isEmpty(), "unit from EngineeringUnits: " + temperature);
        assertFalse(temperature.description().isEmpty(), "description: " + temperature);
        assertEquals(all.size(), connector.points().size(), "points(): " + connector.points().size());

        List<Event> events = Osgi.await(EventBus.class).recent(1000);
        assertTrue(events.stream().anyMatch(e -> e.source().equals(ID) && e.kind() == Event.Kind.CONNECTION
            && "CONNECTED".equals(e.attributes().get("state"))), "a CONNECTED event");
    }

    private static String nodeIdOf(String expanded) throws Exception {
        // The connector speaks NodeIds as it browses them (ns=<index>); find the index by browsing.
        List<BrowseNode> roots = connector.browse(null).get(10, TimeUnit.SECONDS);
        String acme = find(roots, "acme").nodeId();
        String ns = acme.substring(0, acme.indexOf(';'));
        return ns + expanded.substring(expanded.indexOf(';'));
    }

    private static BrowseNode find(List<BrowseNode> nodes, String name) {
        return nodes.stream().filter(b -> b.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no '" + name + "' among " + names(nodes)));
    }

    private static String names(List<BrowseNode> nodes) {
        return nodes.stream().map(BrowseNode::name).collect(Collectors.joining(", "));
    }
}
