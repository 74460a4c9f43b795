package io.convergence.connector.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigProblem;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.sim.plant.PlantSimulator;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;

/**
 * Passwords in configuration files: encrypted as docs/adr/0011 specifies (this test encrypts on its
 * own, from the specification), read by the configuration service, never shown in a message.
 */
class SecretsTest {

    private static final String KEY_PROPERTY = "convergence.secretKey";
    private static final String ID = "opcua-secret";

    @TempDir
    static Path temp;

    private static PlantSimulator plant;
    private static String keyBefore;

    @BeforeAll
    static void start() throws Exception {
        plant = Fixture.startPlant(Fixture.freePort(), temp.resolve("sim-pki"), Map.of());
        keyBefore = System.getProperty(KEY_PROPERTY);
    }

    @AfterAll
    static void stop() throws Exception {
        Fixture.stopPlant();
    }

    @AfterEach
    void restoreKey() throws Exception {
        if (keyBefore == null) {
            System.clearProperty(KEY_PROPERTY);
        } else {
            System.setProperty(KEY_PROPERTY, keyBefore);
        }
        Fixture.stopConnector(ID);
    }

    @Test
    void anEncryptedPasswordIsDecryptedAndTheConnectorLogsIn() throws Exception {
        byte[] key = key("own.key");
        Path file = write("secret.json", connection(encrypt(key, "operator")));
        assertFalse(Files.readString(file).contains("\"operator\"}"), "no plain password in the file");
        ConfigurationService config = Osgi.await(ConfigurationService.class);
        config.apply(file);
        try {
            Connector c = Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + ID + ")", Duration.ofSeconds(20));
            ConnectorState s = Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
            assertTrue(s.detail().contains("user 'operator'"), s.detail());
            String export = config.toJson(config.current(Fixture.CONNECTOR_FACTORY));
            assertTrue(export.contains("\"username\": \"operator\""), export);
            assertFalse(export.contains("\"password\""), "exports leave the password out: " + export);
        } finally {
            config.remove(file.toAbsolutePath().toString());
        }
    }

    @Test
    void aPasswordThatCannotBeDecryptedIsAProblemAtItsFieldAndNothingIsApplied() throws Exception {
        byte[] other = key("other.key");
        String sealed = encrypt(other, "operator");
        byte[] mine = key("this-machine.key");
        ConfigurationService config = Osgi.await(ConfigurationService.class);

        Path foreign = write("foreign.json", connection(sealed));
        ConfigProblem p = refused(config, foreign);
        assertEquals(Fixture.CONNECTOR_FACTORY + "[0].password", p.field());
        assertTrue(p.line() > 0 && p.column() > 0, p.toString());
        assertTrue(p.message().contains("encrypted with another key"), p.message());

        String good = encrypt(mine, "operator");
        int at = good.length() - 10;
        String damaged = good.substring(0, at) + (good.charAt(at) == 'A' ? 'B' : 'A') + good.substring(at + 1);
        ConfigProblem d = refused(config, write("damaged.json", connection(damaged)));
        assertTrue(d.message().contains("damaged or was changed"), d.message());

        ConfigProblem shape = refused(config, write("shape.json", connection("{\"secret\": \"operator\"}")));
        assertTrue(shape.message().contains("{\"encrypted\": \"...\"}"), shape.message());
        assertFalse(shape.message().contains("operator"), "the value is never shown: " + shape.message());

        Path open = temp.resolve("open.key");
        Files.writeString(open, Base64.getEncoder().encodeToString(new byte[32]));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        System.setProperty(KEY_PROPERTY, open.toString());
        ConfigProblem readable = refused(config, write("open.json", connection(encrypt(new byte[32], "operator"))));
        assertTrue(readable.message().contains("readable by others") && readable.message().contains("chmod 600"),
            readable.message());
    }

    @Test
    void aPlainPasswordInAHandWrittenFileStillWorks() throws Exception {
        Path file = write("plain.json", connection("\"operator\""));
        ConfigurationService config = Osgi.await(ConfigurationService.class);
        config.apply(file);
        try {
            Connector c = Osgi.await(Connector.class, "(" + Connector.ID_PROPERTY + "=" + ID + ")", Duration.ofSeconds(20));
            Fixture.awaitState(c, Status.CONNECTED, Duration.ofSeconds(30));
        } finally {
            config.remove(file.toAbsolutePath().toString());
        }
    }

    private static ConfigProblem refused(ConfigurationService config, Path file) throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> config.apply(file));
        assertFalse(e.getMessage().contains("\"operator\""), "no password in: " + e.getMessage());
        Configuration[] applied = Fixture.admin().listConfigurations("(" + ConfigurationService.SOURCE_PROPERTY + "="
            + file.toAbsolutePath() + ")");
        assertNull(applied, "nothing applied");
        return e.problems().get(0);
    }

    private static String connection(String passwordJson) {
        return "{\n  \"" + Fixture.CONNECTOR_FACTORY + "\": [\n    {\n      \"id\": \"" + ID + "\",\n"
            + "      \"endpoint\": \"" + plant.endpointUrl() + "\",\n"
            + "      \"pkiDir\": \"" + temp.resolve("client-pki") + "\",\n"
            + "      \"username\": \"operator\",\n"
            + "      \"allowPasswordWithoutEncryption\": true,\n"
            + "      \"subscribeAll\": false,\n"
            + "      \"password\": " + passwordJson + "\n    }\n  ]\n}\n";
    }

    /** A new owner-only key file, made the one the runtime uses. */
    private static byte[] key(String name) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path f = temp.resolve(name);
        Files.writeString(f, Base64.getEncoder().encodeToString(key) + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        System.setProperty(KEY_PROPERTY, f.toString());
        return key;
    }

    /** {"encrypted": "v1:<key id>:<base64url(nonce || ciphertext || tag)>"}, AES-256-GCM, as ADR 11 says. */
    private static String encrypt(byte[] key, String secret) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD("convergence-config-secret-v1".getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[12 + sealed.length];
        System.arraycopy(nonce, 0, out, 0, 12);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        return "{\"encrypted\": \"v1:" + id(key) + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out) + "\"}";
    }

    private static String id(byte[] key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
    }

    private static Path write(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text);
    }
}
