package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.testing.Osgi;

import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that collide once cleaned, the same name in two namespaces, a name and a path too long for a
 * point path: every variable still becomes a point, with a path that is the same every time, an
 * event says which were renamed, and a write reaches exactly the node behind the path.
 */
class MappingTest {

    private static final String LONG_NAME = "x".repeat(300);
    private static final int DEEP = 12;

    @TempDir
    static Path temp;

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Fixture.freePort(), temp.resolve("server-pki"), TestServer.Options.plain(), s -> {
            UaFolderNode lineA = s.a().folder(null, "Line", "line");
            s.a().variable(lineA, "A/B", "line/a-slash-b", NodeIds.Double, 1.0);
            s.a().variable(lineA, "A_B", "line/a_b", NodeIds.Double, 2.0);
            s.a().variable(lineA, "Temp", "line/temp", NodeIds.Double, 3.0);
            s.a().variable(lineA, LONG_NAME, "line/long", NodeIds.Double, 4.0);
            UaFolderNode lineB = s.b().folder(null, "Line", "line");
            s.b().variable(lineB, "Temp", "line/temp", NodeIds.Double, 5.0);
            UaFolderNode parent = null;
            for (int i = 0; i < DEEP; i++) {
                parent = s.a().folder(parent, i + "-" + "d".repeat(98), "deep" + i);
            }
            s.a().variable(parent, "Deep", "deep/var", NodeIds.Double, 6.0);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void everyVariableGetsAUniqueStablePathAndWritesReachTheirOwnNode() throws Exception {
        Instant before = Instant.now();
        Map<String, String> first = mapping("opcua-mapping-1");
        Map<String, String> byNode = first.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        assertEquals(6, first.size(), "every variable is a point: " + first);
        assertEquals("Line/A_B", byNode.get(a("line/a_b")), "the name that needed no cleaning keeps its path");
        assertTrue(byNode.get(a("line/a-slash-b")).matches("Line/A_B~[0-9a-f]{8}"), first.toString());
        assertEquals("Line/Temp", byNode.get(a("line/temp")), "the first namespace keeps the path");
        assertTrue(byNode.get(b("line/temp")).matches("Line/Temp~[0-9a-f]{8}"), first.toString());
        String longPath = byNode.get(a("line/long"));
        PointPath lp = PointPath.parse(longPath);
        assertTrue(lp.name().startsWith("xxxx") && lp.name().length() <= 128, longPath);
        String deepPath = byNode.get(a("deep/var"));
        assertTrue(deepPath.length() <= PointPath.MAX_LENGTH && deepPath.endsWith("/Deep")
            && deepPath.startsWith("0-ddd"), deepPath);

        List<Event> renamed = Osgi.await(EventBus.class).recent(1000).stream()
            .filter(e -> e.source().equals("opcua-mapping-1") && e.type().equals("opcua.points-renamed")
                && !e.time().isBefore(before)).toList();
        assertEquals(1, renamed.size(), "one event per mapping: " + renamed);
        assertEquals("4", renamed.get(0).attributes().get("count"), renamed.get(0).message());
        assertTrue(renamed.get(0).message().contains(byNode.get(b("line/temp"))), renamed.get(0).message());
        assertEquals(Event.Severity.WARNING, renamed.get(0).severity());

        // The same server mapped again, by another connector: the same paths.
        assertEquals(first, mapping("opcua-mapping-2"));

        String id = "opcua-mapping-write";
        try {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", server.endpoint(), "pkiDir",
                temp.resolve("client-pki").toString()));
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            write(c, byNode.get(a("line/a-slash-b")), 11.0);
            write(c, byNode.get(b("line/temp")), 22.0);
            write(c, longPath, 33.0);
            write(c, deepPath, 44.0);
            assertEquals(11.0, server.a().get("line/a-slash-b"));
            assertEquals(2.0, server.a().get("line/a_b"), "the path's neighbour is left alone");
            assertEquals(22.0, server.b().get("line/temp"));
            assertEquals(3.0, server.a().get("line/temp"), "the same name in the other namespace is left alone");
            assertEquals(33.0, server.a().get("line/long"));
            assertEquals(44.0, server.a().get("deep/var"));
            assertEquals(22.0, c.read(PointPath.parse(byNode.get(b("line/temp")))).get(10, TimeUnit.SECONDS).number());
        } finally {
            Fixture.stopConnector(id);
        }
    }

    /** Runs a connector until it has mapped the server; its points, path to node. */
    private static Map<String, String> mapping(String id) throws Exception {
        try {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", server.endpoint(), "pkiDir",
                temp.resolve("client-pki").toString()));
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            Map<String, String> out = new TreeMap<>();
            for (PointInfo p : c.points()) {
                out.put(p.path().toString(), p.sourceAddress());
            }
            return out;
        } finally {
            Fixture.stopConnector(id);
        }
    }

    private static void write(Connector c, String path, double value) throws Exception {
        c.write(PointPath.parse(path), value).get(10, TimeUnit.SECONDS);
    }

    private static String a(String id) {
        return server.a().id(id).toParseableString();
    }

    private static String b(String id) {
        return server.b().id(id).toParseableString();
    }
}
