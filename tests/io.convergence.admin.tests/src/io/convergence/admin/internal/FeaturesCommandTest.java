package io.convergence.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.convergence.admin.TrustPolicy;
import io.convergence.admin.cli.FeaturesCommand;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.UsageException;

/**
 * {@code convergence features} as an admin types it, on an installation of its own: what it prints,
 * what it changes, and what it refuses with which words.
 */
class FeaturesCommandTest {

    private static final String FEATURE = "com.example.cli";

    @TempDir
    Path tmp;
    TestInstallation inst;
    TestRepo repo;
    FeaturesCommand command;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        inst = TestInstallation.create(tmp);
        Path jar = TestJars.bundle(tmp.resolve("jars"), FEATURE, "1.0.0");
        repo = new TestRepo(tmp.resolve("repo")).add(
            TestRepo.Unit.bundle(FEATURE, "1.0.0", jar, TestJars.manifest(FEATURE, "1.0.0")),
            TestRepo.Unit.feature(FEATURE, "1.0.0").requires(FEATURE, "1.0.0")).write();
        command = new FeaturesCommand(() -> inst.service);
    }

    private Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(context(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)), List.of(args));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static CliContext context(PrintStream out, PrintStream err) {
        return new CliContext() {
            @Override
            public PrintStream out() {
                return out;
            }

            @Override
            public PrintStream err() {
                return err;
            }

            @Override
            public Path home() {
                return Path.of(System.getProperty("java.io.tmpdir"));
            }

            @Override
            public void onStop(Runnable hook) {
            }

            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public char[] readSecret(String prompt) throws CommandException {
                throw new CommandException("no terminal to ask for " + prompt);
            }
        };
    }

    @Test
    void anAdminTrustsARepositoryPreviewsInstallsListsAndUninstallsAFeature() throws Exception {
        String url = repo.uri().toString();

        Run trust = run("trust", "allow-unsigned", url);
        assertEquals(0, trust.code(), trust.err());
        assertTrue(trust.out().contains("unsigned content: allowed only from " + url), trust.out());

        TestInstallation.State before = inst.state();
        Run preview = run("preview", "install", FEATURE, "--repo", url);
        assertEquals(0, preview.code(), preview.err());
        assertTrue(preview.out().startsWith("preview: install " + FEATURE), preview.out());
        assertTrue(preview.out().lines().anyMatch(l -> l.matches("  add +" + FEATURE.replace(".", "\\.") + " +1\\.0\\.0")),
            preview.out());
        assertTrue(preview.out().contains("restart: not needed"), preview.out());
        assertEquals(before, inst.state(), "a preview changed the installation");

        Run install = run("install", FEATURE, "--repo", url);
        assertEquals(0, install.code(), install.err());
        assertTrue(install.out().startsWith("done: install " + FEATURE), install.out());

        Run list = run("list");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(FEATURE + " ") && l.contains("1.0.0")), list.out());
        Run history = run("history");
        assertTrue(history.out().contains("(current)") && history.out().contains(FEATURE), history.out());

        Run uninstall = run("uninstall", FEATURE);
        assertEquals(0, uninstall.code(), uninstall.err());
        assertTrue(uninstall.out().startsWith("done: uninstall " + FEATURE), uninstall.out());
        assertFalse(run("list").out().contains(FEATURE + " "), "still listed after uninstall");

        Run audit = run("audit", "--verify");
        assertEquals(0, audit.code(), audit.out());
        assertTrue(audit.out().contains("the hash chain is intact"), audit.out());
    }

    @Test
    void wrongInputIsRefusedInOneLineThatSaysWhatIsWrongAndChangesNothing() throws Exception {
        TestInstallation.State before = inst.state();
        TrustPolicy policy = inst.service.trustPolicy();

        assertEquals("'features' needs a subcommand: list, available, preview, install, update, uninstall, history,"
            + " revert, trust, repositories or audit; see 'convergence features --help'", usage());
        assertTrue(usage("install", FEATURE).startsWith("'features install " + FEATURE + "' needs --repo URL"));
        assertTrue(usage("list", "--verify").startsWith("--verify goes only with 'features audit'"));
        assertTrue(usage("revert", "two").startsWith("'features revert' needs a state number from 'features history'"));
        assertTrue(usage("frobnicate").startsWith("unknown subcommand 'frobnicate' of 'features'"));
        assertTrue(usage("list", "extra").startsWith("unexpected argument 'extra' for 'features list'"));
        String http = usage("trust", "allow-unsigned", "http://127.0.0.1:9/repo");
        assertTrue(http.contains("a plain http: repository is not protected in transit") && http.contains("--insecure"), http);

        CommandException missing = assertThrows(CommandException.class,
            () -> run("install", "com.example.missing", "--repo", repo.uri().toString()));
        assertTrue(missing.getMessage().contains("com.example.missing"), missing.getMessage());

        assertEquals(before, inst.state());
        assertEquals(policy, inst.service.trustPolicy());
    }

    private String usage(String... args) {
        String message = assertThrows(UsageException.class, () -> run(args)).getMessage();
        assertFalse(message.contains("\n"), message);
        return message;
    }

    @Test
    void theCommandIsAServiceOfTheCommandLineUnderItsName() throws Exception {
        BundleContext bc = TestInstallation.context();
        Collection<ServiceReference<CliCommand>> refs = bc.getServiceReferences(CliCommand.class,
            "(" + CliCommand.NAME_PROPERTY + "=features)");
        assertEquals(1, refs.size(), "one 'features' command service");
        ServiceReference<CliCommand> ref = refs.iterator().next();
        CliCommand registered = bc.getService(ref);
        try {
            assertNotNull(registered);
            assertEquals("features", registered.name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            assertEquals(0, registered.run(context(ps, ps), List.of("--help")));
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: convergence features list"));
        } finally {
            bc.ungetService(ref);
        }
    }
}
