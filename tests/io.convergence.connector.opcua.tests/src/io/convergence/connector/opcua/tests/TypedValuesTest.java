package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.point.DataType;
import io.convergence.api.point.JsonValue;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;

import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays and structures arrive as typed values: JSON arrays and objects a consumer can read, with the
 * point declared as JSON, not the text of a Java object ("[D@1b2c3d", "Range@…").
 */
class TypedValuesTest {

    @TempDir
    static Path temp;

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Fixture.freePort(), temp.resolve("server-pki"), TestServer.Options.plain(), s -> {
            UaFolderNode f = s.a().folder(null, "Typed", "typed");
            s.a().arrayVariable(f, "Doubles", "typed/doubles", NodeIds.Double, new Double[] {1.5, 2.5, -3.0});
            s.a().arrayVariable(f, "Ints", "typed/ints", NodeIds.Int32, new Integer[] {1, 2, 3});
            s.a().arrayVariable(f, "Texts", "typed/texts", NodeIds.String, new String[] {"a", "b\"c"});
            s.a().variable(f, "Range", "typed/range", NodeIds.Range,
                ExtensionObject.encode(s.a().encoding(), new Range(0.0, 100.0)));
            s.a().variable(f, "Plain", "typed/plain", NodeIds.Double, 7.0);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void arraysAndStructuresArriveAsJson() throws Exception {
        String id = "opcua-typed";
        try (SampleCollector samples = new SampleCollector("typed-values-test")) {
            Connector c = Fixture.startConnector(id, Map.of("endpoint", server.endpoint(), "pkiDir",
                temp.resolve("client-pki").toString()));
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            Map<String, DataType> types = new TreeMap<>();
            for (PointInfo p : c.points()) {
                types.put(p.path().name(), p.type());
            }
            assertEquals(Map.of("Doubles", DataType.JSON, "Ints", DataType.JSON, "Texts", DataType.JSON, "Range",
                DataType.JSON, "Plain", DataType.DOUBLE), types, "arrays and structures are declared JSON");

            assertEquals("[1.5,2.5,-3.0]", json(samples, "Typed/Doubles"));
            assertEquals("[1,2,3]", json(samples, "Typed/Ints"));
            assertEquals("[\"a\",\"b\\\"c\"]", json(samples, "Typed/Texts"));
            assertEquals("{\"low\":0.0,\"high\":100.0}", json(samples, "Typed/Range"));

            server.a().set("typed/doubles", new Double[] {4.0});
            Fixture.waitUntil("the changed array", Duration.ofSeconds(10),
                () -> "[4.0]".equals(json(samples, "Typed/Doubles")));
        } finally {
            Fixture.stopConnector(id);
        }
    }

    private static String json(SampleCollector samples, String path) throws Exception {
        PointPath p = PointPath.parse(path);
        Object v = Fixture.waitFor("a value of " + path, Duration.ofSeconds(10), () -> samples.of(p).lastValue);
        return assertInstanceOf(JsonValue.class, v, path + " carries JSON").json();
    }
}
