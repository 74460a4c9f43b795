package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.convergence.api.cli.UsageException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords never on the command line; security None is refused for passwords and warned about. */
class RuntimePasswordTest {

    private static final String SECRET = "operator";

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(dir.resolve("home"), args);
    }

    @Test
    void aPasswordOnTheCommandLineIsAUsageError() {
        Cli.Result r = run("runtime", "--connect", "opc.tcp://127.0.0.1:4840", "--user", "operator", "--password", SECRET);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--password is not accepted") && r.err().contains("--password-file"), r.err());
        Cli.Result eq = run("runtime", "--connect", "opc.tcp://127.0.0.1:4840", "--password=" + SECRET);
        assertEquals(2, eq.code(), eq.err());
        assertFalse(eq.err().contains(SECRET), "the password is not repeated: " + eq.err());
    }

    @Test
    void aPasswordWithSecurityNoneNeedsAnExplicitFlagAndAFileThatExists() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), SECRET + "\n");
        Cli.Result none = run("runtime", "--connect", "opc.tcp://127.0.0.1:4840", "--user", "operator", "--password-file",
            file.toString());
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("--allow-password-without-encryption"), none.err());
        Cli.Result missing = run("runtime", "--connect", "opc.tcp://127.0.0.1:4840", "--user", "operator", "--password-file",
            dir.resolve("nope").toString(), "--security", "Basic256Sha256");
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("nope: no such file"), missing.err());
    }

    @Test
    void thePasswordComesFromTheFileOrTheEnvironmentAndSecurityNoneIsWarnedAbout() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "pw-from-file-123\nsecond line\n");
        assertEquals("pw-from-file-123", Credentials.password(file.toString(), "pw-from-env", null, "operator"));
        assertEquals("pw-from-env", Credentials.password(null, "pw-from-env", null, "operator"));
        UsageException none = assertThrows(UsageException.class, () -> Credentials.password(null, null, null, "operator"));
        assertTrue(none.getMessage().contains("--password-file") && none.getMessage().contains(Credentials.ENV),
            none.getMessage());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThrows(UsageException.class, () -> Credentials.password(empty.toString(), null, null, "operator"));

        Cli.Result r = run("runtime", "--connect", "opc.tcp://127.0.0.1:" + freePort() + "/nothing", "--user", "operator",
            "--password-file", file.toString(), "--allow-password-without-encryption", "--timeout", "2s",
            "--data", dir.resolve("data").toString(), "--pki", dir.resolve("pki").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("warning: security None") && r.out().contains("password of user 'operator' is sent "
            + "without protection"), r.out());
        assertFalse((r.out() + r.err()).contains("pw-from-file-123"), "the password is never printed");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
