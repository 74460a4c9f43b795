package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorException;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.point.PointPath;

import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a device cannot take exactly are refused before they are sent, and say why. */
class WriteRangeTest {

    private static final String ID = "opcua-write-range";

    @TempDir
    static Path temp;

    private static TestServer server;
    private static Connector connector;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Fixture.freePort(), temp.resolve("server-pki"), TestServer.Options.plain(), s -> {
            UaFolderNode drive = s.a().folder(null, "Drive", "drive");
            s.a().variable(drive, "Setpoint", "drive/setpoint", NodeIds.Double, 50.0);
            s.a().variable(drive, "Gain", "drive/gain", NodeIds.Float, 1.5f);
            s.a().variable(drive, "Steps", "drive/steps", NodeIds.Int16, (short) 7);
            s.a().variable(drive, "Mode", "drive/mode", NodeIds.Byte, UByte.valueOf(1));
            s.a().variable(drive, "Counter", "drive/counter", NodeIds.UInt64, ULong.valueOf(5));
            s.a().variable(drive, "Enabled", "drive/enabled", NodeIds.Boolean, Boolean.FALSE);
        });
        connector = Fixture.startConnector(ID, Map.of("endpoint", server.endpoint(), "pkiDir",
            temp.resolve("client-pki").toString()));
        Fixture.awaitState(connector, Status.CONNECTED, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        Fixture.stopConnector(ID);
        server.close();
    }

    @Test
    void nonFiniteAndOutOfRangeValuesAreRefusedAndNothingIsWritten() throws Exception {
        refused("Drive/Setpoint", Double.NaN, "NaN", "Double takes finite numbers");
        refused("Drive/Setpoint", Double.POSITIVE_INFINITY, "Infinity", "Double takes finite numbers");
        refused("Drive/Setpoint", "-Infinity", "-Infinity", "not a finite number");
        assertEquals(50.0, server.a().get("drive/setpoint"), "nothing written");

        refused("Drive/Gain", 1e39, "1.0E39", "Float takes finite numbers from -3.4028234663852886E38 to 3.4028234663852886E38");
        refused("Drive/Gain", Float.NaN, "NaN", "Float");
        assertEquals(1.5f, server.a().get("drive/gain"));

        refused("Drive/Steps", 40_000, "40000", "Int16 takes whole numbers from -32768 to 32767");
        refused("Drive/Steps", 2.5, "2.5", "not a whole number");
        refused("Drive/Steps", Double.NaN, "NaN", "Int16 takes whole numbers");
        assertEquals((short) 7, server.a().get("drive/steps"));

        refused("Drive/Mode", -1, "-1", "Byte takes whole numbers from 0 to 255");
        refused("Drive/Enabled", Double.NaN, "NaN", "not a boolean");
        assertEquals(Boolean.FALSE, server.a().get("drive/enabled"));

        // What does fit is written, up to the ends of the ranges.
        write("Drive/Gain", -3.4e38);
        assertEquals(-3.4e38f, server.a().get("drive/gain"));
        write("Drive/Steps", -32768);
        assertEquals((short) -32768, server.a().get("drive/steps"));
        write("Drive/Counter", new BigInteger("18446744073709551615"));
        assertEquals(ULong.valueOf(new BigInteger("18446744073709551615")), server.a().get("drive/counter"));
        refused("Drive/Counter", "18446744073709551616", "'18446744073709551616'", "UInt64 takes whole numbers from 0 to 18446744073709551615");
    }

    private static void write(String point, Object value) throws Exception {
        connector.write(PointPath.parse(point), value).get(10, TimeUnit.SECONDS);
    }

    private static void refused(String point, Object value, String shown, String range) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> write(point, value),
            "writing " + value + " to " + point);
        assertInstanceOf(ConnectorException.class, e.getCause());
        String m = e.getCause().getMessage();
        assertTrue(m.contains("point '" + point + "'"), m);
        assertTrue(m.contains(shown), m);
        assertTrue(m.contains(range), m);
    }
}
