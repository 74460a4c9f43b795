package io.convergence.sim.plant.tests;

import static io.convergence.sim.plant.tests.Simulators.connect;
import static io.convergence.sim.plant.tests.Simulators.node;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.convergence.sim.plant.PlantSimulator;
import io.convergence.testing.Osgi;
import io.convergence.testing.Wait;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** The simulator as a client sees it: a real OPC UA server on loopback, driven by ConfigurationAdmin. */
class PlantSimulatorTest {

    private static final String FILLER = "acme/lyon/packaging/line1/filler";

    @TempDir
    Path pki;

    @AfterEach
    void stopSimulator() throws Exception {
        Simulators.stop();
    }

    @Test
    void aBareMiloClientDiscoversConnectsReadsAndBrowses() throws Exception {
        int port = Simulators.freePort();
        PlantSimulator sim = Simulators.start(port, pki, Map.of(), Duration.ofSeconds(30));
        assertEquals("opc.tcp://127.0.0.1:" + port + "/convergence-sim", sim.endpointUrl());
        assertEquals(4 * 11, sim.variableCount());
        assertEquals(sim.variableCount(), sim.variablePaths().size());
        assertTrue(sim.variablePaths().contains(FILLER + "/speed"));

        List<EndpointDescription> endpoints = Simulators.endpoints(sim);
        Set<String> offered = endpoints.stream()
            .map(e -> e.getSecurityPolicyUri().replaceAll(".*#", "") + "/" + e.getSecurityMode())
            .collect(Collectors.toSet());
        assertEquals(Set.of("None/None", "Basic256Sha256/Sign", "Basic256Sha256/SignAndEncrypt"), offered);

        OpcUaClient client = connect(sim);
        try {
            DataValue speed = client.readValue(0, TimestampsToReturn.Both, node(client, FILLER + "/speed"));
            assertTrue(speed.getStatusCode().isGood(), speed.toString());
            assertInstanceOf(Double.class, speed.getValue().getValue());
            assertTrue(speed.getSourceTime() != null, "source timestamp set");

            // Objects / acme / lyon / packaging / line1 / filler, by browse name.
            NodeId at = NodeIds.ObjectsFolder;
            for (String segment : FILLER.split("/")) {
                at = child(client, at, segment).getNodeId().toNodeIdOrThrow(client.getNamespaceTable());
            }
            assertEquals(node(client, FILLER), at, "NodeId is the path");
            List<ReferenceDescription> children = browse(client, at);
            Set<String> variables = children.stream().filter(r -> r.getNodeClass() == NodeClass.Variable)
                .map(r -> r.getBrowseName().getName()).collect(Collectors.toSet());
            assertEquals(Set.of("state", "downReason", "goodCount", "rejectCount", "speed", "speedSetpoint",
                "temperature", "bearingTemperature", "vibration", "energy", "power"), variables);
            Set<String> methods = children.stream().filter(r -> r.getNodeClass() == NodeClass.Method)
                .map(r -> r.getBrowseName().getName()).collect(Collectors.toSet());
            assertEquals(Set.of("ResetCounters", "SetState"), methods);
            Set<String> machines = browse(client, node(client, "acme/lyon/packaging/line1")).stream()
                .map(r -> r.getBrowseName().getName()).collect(Collectors.toSet());
            assertEquals(Set.of("filler", "capper", "labeler", "palletizer"), machines);

            assertEquals(uint(1000), client.readOperationLimits().maxMonitoredItemsPerCall().orElseThrow());

            // Values change every tick.
            long ticks = sim.ticks();
            Thread.sleep(350);
            assertTrue(sim.ticks() >= ticks + 2, "ticks " + ticks + " then " + sim.ticks());
            DataValue later = client.readValue(0, TimestampsToReturn.Both, node(client, FILLER + "/energy"));
            DataValue earlier = speed;
            assertTrue(later.getSourceTime().getJavaTime() > earlier.getSourceTime().getJavaTime());
        } finally {
            client.disconnect();
        }
    }

    @Test
    void clientsWriteTheSetpointAndCallMethods() throws Exception {
        PlantSimulator sim = Simulators.start(Simulators.freePort(), pki, Map.of(), Duration.ofSeconds(30));
        OpcUaClient client = connect(sim);
        try {
            NodeId setpoint = node(client, FILLER + "/speedSetpoint");
            assertEquals(StatusCode.GOOD, client.writeValues(List.of(setpoint),
                List.of(DataValue.valueOnly(new Variant(300.0)))).get(0));
            assertEquals(300.0, client.readValue(0, TimestampsToReturn.Both, setpoint).getValue().getValue());
            assertEquals(StatusCodes.Bad_OutOfRange, client.writeValues(List.of(setpoint),
                List.of(DataValue.valueOnly(new Variant(1e6)))).get(0).getValue());
            StatusCode readOnly = client.writeValues(List.of(node(client, FILLER + "/speed")),
                List.of(DataValue.valueOnly(new Variant(1.0)))).get(0);
            assertTrue(readOnly.getValue() == StatusCodes.Bad_NotWritable
                || readOnly.getValue() == StatusCodes.Bad_UserAccessDenied, "speed is read-only: " + readOnly);

            assertEquals(StatusCode.GOOD, call(client, "SetState", new Variant("down"), new Variant(2)));
            assertEquals(List.of("down", 2), List.of(
                value(client, FILLER + "/state"), value(client, FILLER + "/downReason")));
            Thread.sleep(300);
            assertEquals("down", value(client, FILLER + "/state"), "an operator's down holds");

            assertEquals(StatusCode.GOOD, call(client, "ResetCounters"));
            assertEquals(0L, value(client, FILLER + "/goodCount"), "no production while down");
            assertEquals(0L, value(client, FILLER + "/rejectCount"));

            assertEquals(StatusCodes.Bad_InvalidArgument, call(client, "SetState", new Variant("broken"),
                new Variant(0)).getValue());
            assertEquals(StatusCodes.Bad_InvalidArgument, call(client, "SetState", new Variant("down"),
                new Variant(0)).getValue());
            assertEquals(StatusCode.GOOD, call(client, "SetState", new Variant("running"), new Variant(0)));
            assertEquals("running", value(client, FILLER + "/state"));
        } finally {
            client.disconnect();
        }
    }

    @Test
    void usersSecureEndpointsAndSubscriptions() throws Exception {
        PlantSimulator sim = Simulators.start(Simulators.freePort(), pki, Map.of("users", "operator:operator, qa:s3cret"),
            Duration.ofSeconds(30));
        OpcUaClient secure = connect(sim, MessageSecurityMode.SignAndEncrypt, new UsernameProvider("qa", "s3cret"));
        try {
            assertEquals(SecurityPolicy.Basic256Sha256.getUri(),
                secure.getConfig().getEndpoint().getSecurityPolicyUri());
            assertInstanceOf(Double.class, value(secure, FILLER + "/vibration"));

            List<DataValue> received = new CopyOnWriteArrayList<>();
            OpcUaSubscription subscription = new OpcUaSubscription(secure, 100.0);
            subscription.create();
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node(secure, FILLER + "/power"));
            item.setSamplingInterval(100.0);
            item.setDataValueListener((i, v) -> received.add(v));
            subscription.addMonitoredItem(item);
            subscription.synchronizeMonitoredItems();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(received.size() >= 5, "notifications: " + received.size());
            assertEquals(5, received.stream().limit(5).map(v -> v.getValue().getValue()).distinct().count(),
                "every notification a new value");

            // One call beyond the advertised MaxMonitoredItemsPerCall is refused, as the limit says.
            List<MonitoredItemCreateRequest> tooMany = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                tooMany.add(new MonitoredItemCreateRequest(
                    new ReadValueId(node(secure, FILLER + "/speed"), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE),
                    MonitoringMode.Reporting,
                    new MonitoringParameters(uint(10_000 + i), 1000.0, null, uint(1), true)));
            }
            UaException refused = assertThrows(UaException.class, () -> secure.createMonitoredItems(
                subscription.getSubscriptionId().orElseThrow(), TimestampsToReturn.Both, tooMany));
            assertEquals(StatusCodes.Bad_TooManyOperations, refused.getStatusCode().getValue());
            subscription.delete();
        } finally {
            secure.disconnect();
        }

        UaException denied = assertThrows(UaException.class,
            () -> connect(sim, MessageSecurityMode.None, new UsernameProvider("qa", "wrong")));
        assertEquals(StatusCodes.Bad_UserAccessDenied, denied.getStatusCode().getValue(), denied.toString());
        OpcUaClient signed = connect(sim, MessageSecurityMode.Sign, new UsernameProvider("operator", "operator"));
        signed.disconnect();
    }

    @Test
    void tenThousandExtraPointsStartWithinSeconds() throws Exception {
        long ms = extraPointsServeAndTick(10_000);
        assertTrue(ms < 10_000, "started in " + ms + " ms");
    }

    @Test
    void fiftyThousandExtraPointsServeAndTick() throws Exception {
        long ms = extraPointsServeAndTick(50_000);
        assertTrue(ms < 30_000, "started in " + ms + " ms");
    }

    /** Starts with {@code count} sensors, checks the last one moves; returns the start time in ms. */
    private long extraPointsServeAndTick(int count) throws Exception {
        long start = System.nanoTime();
        PlantSimulator sim = Simulators.start(Simulators.freePort(), pki, Map.of("extraPoints", count),
            Duration.ofSeconds(60));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(4 * 11 + count, sim.variableCount());
        String last = "acme/lyon/packaging/line1/sensors/s" + count;
        assertEquals(last, sim.variablePaths().get(sim.variableCount() - 1));
        OpcUaClient client = connect(sim);
        try {
            Object first = value(client, last);
            long ticks = sim.ticks();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sim.ticks() < ticks + 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(sim.ticks() >= ticks + 5, count + " points keep ticking: " + (sim.ticks() - ticks) + " ticks");
            assertFalse(first.equals(value(client, last)), "sensor moved");
        } finally {
            client.disconnect();
        }
        return ms;
    }

    @Test
    void deletingTheConfigurationStopsTheServerAndFreesThePort() throws Exception {
        int port = Simulators.freePort();
        PlantSimulator sim = Simulators.start(port, pki, Map.of(), Duration.ofSeconds(30));
        byte[] certificate = Simulators.endpoints(sim).get(0).getServerCertificate().bytesOrEmpty();
        OpcUaClient client = connect(sim);
        assertFalse(Simulators.portFree(port));

        long start = System.nanoTime();
        Simulators.stop();
        while (!Simulators.portFree(port) || tickThreadAlive()) {
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1),
                "port free " + Simulators.portFree(port) + ", tick thread alive " + tickThreadAlive()
                    + " a second after deleting the configuration");
            Thread.sleep(10);
        }
        client.disconnectAsync(); // its server went away; do not wait for it

        // Same port at once, same certificate (from the same PKI directory).
        PlantSimulator again = Simulators.start(port, pki, Map.of(), Duration.ofSeconds(30));
        assertTrue(Arrays.equals(certificate,
            Simulators.endpoints(again).get(0).getServerCertificate().bytesOrEmpty()), "same server certificate");
        OpcUaClient second = connect(again);
        assertInstanceOf(String.class, value(second, FILLER + "/state"));
        second.disconnect();
    }

    /**
     * A port another program listens on fails the simulator's activation at once, and the failure
     * says which port: SCR reports it, and so do the runtime's commands. (Milo only logs an endpoint
     * it could not bind: the plant ran without a server, and a demo gave up after a minute of
     * "cannot connect".)
     */
    @Test
    void aPortInUseFailsTheActivationAndSaysWhichPort() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            Osgi.config(Simulators.PID, Map.of("port", port, "pkiDir", pki.toString()));
            String failure = Wait.forValue("the simulator's activation to fail", Duration.ofSeconds(30),
                PlantSimulatorTest::activationFailure);
            assertTrue(failure.contains("port " + port + " on 127.0.0.1 is in use"), failure);
            assertNull(Osgi.context(PlantSimulatorTest.class).getServiceReference(PlantSimulator.class),
                "no simulator service");
        }
    }

    private static @Nullable String activationFailure() {
        ServiceComponentRuntime scr = Osgi.await(ServiceComponentRuntime.class);
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.configurationPid.length > 0 && d.configurationPid[0].equals(Simulators.PID)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return c.failure;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void metaTypeDescribesTheConfiguration() {
        MetaTypeService metaType = Osgi.await(MetaTypeService.class);
        Bundle bundle = FrameworkUtil.getBundle(PlantSimulator.class);
        ObjectClassDefinition ocd = metaType.getMetaTypeInformation(bundle)
            .getObjectClassDefinition(Simulators.PID, null);
        Set<String> ids = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
            .map(AttributeDefinition::getID).collect(Collectors.toSet());
        assertEquals(Set.of("port", "bindAddress", "path", "seed", "machines", "extraPoints", "tickMs", "pkiDir",
            "users", "maxMonitoredItemsPerCall"), ids);
        AttributeDefinition port = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
            .filter(a -> a.getID().equals("port")).findFirst().orElseThrow();
        assertEquals(List.of("4840"), Arrays.asList(port.getDefaultValue()));
    }

    private static boolean tickThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.isAlive() && t.getName().equals("convergence-sim-tick"));
    }

    private static Object value(OpcUaClient client, String path) throws UaException {
        DataValue v = client.readValue(0, TimestampsToReturn.Both, node(client, path));
        assertTrue(v.getStatusCode().isGood(), path + ": " + v.getStatusCode());
        return v.getValue().getValue();
    }

    private static StatusCode call(OpcUaClient client, String method, Variant... inputs) throws UaException {
        CallMethodResult r = client.call(List.of(new CallMethodRequest(node(client, FILLER),
            node(client, FILLER + "/" + method), inputs))).getResults()[0];
        return r.getStatusCode();
    }

    private static List<ReferenceDescription> browse(OpcUaClient client, NodeId node) throws UaException {
        ReferenceDescription[] refs = client.browse(new BrowseDescription(node, BrowseDirection.Forward,
            NodeIds.HierarchicalReferences, true, uint(0), uint(63))).getReferences();
        return refs == null ? List.of() : List.of(refs);
    }

    private static ReferenceDescription child(OpcUaClient client, NodeId parent, String name) throws UaException {
        return browse(client, parent).stream().filter(r -> r.getBrowseName().getName().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " under " + parent));
    }
}
