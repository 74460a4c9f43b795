package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.RunConfigurations;
import io.convergence.api.cli.UsageException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.demo.Presets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Commands are services: any bundle can add one, and the command line finds, lists and runs it. */
class CommandServicesTest {

    @TempDir
    Path home;

    private final List<ServiceRegistration<CliCommand>> registered = new ArrayList<>();

    @AfterEach
    void unregister() {
        registered.forEach(ServiceRegistration::unregister);
    }

    /** A command as a partner's bundle would write it. */
    private record Echo(String name, String summary) implements CliCommand {
        @Override
        public String help() {
            return "usage: convergence " + name + " [--times N] WORD\n";
        }

        @Override
        public int run(CliContext context, List<String> argv) throws UsageException {
            Args args = new Args(name, argv, java.util.Set.of("times"), java.util.Set.of());
            if (args.help()) {
                context.out().print(help());
                return OK;
            }
            int times = args.intValue("times", 1, 1, 10);
            args.allowOperands(1);
            if (args.operands().isEmpty()) {
                throw new UsageException("'" + name + "' needs a WORD" + args.hint());
            }
            for (int i = 0; i < times; i++) {
                context.out().println(args.operands().get(0));
            }
            return OK;
        }
    }

    private void register(CliCommand c) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(CliCommand.NAME_PROPERTY, c.name());
        registered.add(Cli.bundles().registerService(CliCommand.class, c, props));
    }

    @Test
    void theOverviewListsEveryCommandSortedWithAContributedOne() {
        register(new Echo("aardvark", "repeat a word (a contributed command)"));
        Cli.Result r = Cli.run(home, "--help");
        assertEquals(0, r.code(), r.err());
        List<String> names = r.out().lines().filter(l -> l.startsWith("  ")).map(l -> l.trim().split("\\s+")[0]).toList();
        assertEquals(List.of("aardvark", "bench", "demo", "features", "history", "oee", "runtime"), names, r.out());
        assertTrue(r.out().contains("repeat a word (a contributed command)"), r.out());
    }

    @Test
    void aContributedCommandRunsWithTheSharedArgumentRules() {
        register(new Echo("echo", "repeat a word"));
        Cli.Result ok = Cli.run(home, "echo", "--times", "2", "plant");
        assertEquals(0, ok.code(), ok.err());
        assertEquals("plant\nplant\n", ok.out());
        Cli.Result big = Cli.run(home, "echo", "--times", "99999999999999999999", "plant");
        assertEquals(2, big.code());
        assertEquals("convergence echo: --times 99999999999999999999: out of range; expected a whole number from 1 to 10\n",
            big.err());
        Cli.Result help = Cli.run(home, "help", "echo");
        assertEquals(0, help.code(), help.err());
        assertEquals("usage: convergence echo [--times N] WORD\n", help.out());
    }

    @Test
    void featuresComesFromTheAdminBundleAndRunsWithTheSameRules() {
        Cli.Result help = Cli.run(home, "help", "features");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("usage: convergence features list"), help.out());
        Cli.Result wrong = Cli.run(home, "features", "frobnicate");
        assertEquals(2, wrong.code());
        assertEquals("convergence features: unknown subcommand 'frobnicate' of 'features'; see 'convergence features"
            + " --help'\n", wrong.err());
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatListsTheCommands() {
        Cli.Result r = Cli.run(home, "frobnicate", "--now");
        assertEquals(2, r.code());
        assertEquals("convergence: unknown command 'frobnicate'; commands: bench, demo, features, history, oee, runtime;"
            + " see 'convergence --help'\n", r.err());
    }

    @Test
    void aCommandRegisteredShortlyAfterTheStartIsWaitedFor() throws Exception {
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> register(new Echo("late", "comes late")),
            CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
        Cli.Result r = Cli.run(home, "late", "here");
        late.get();
        assertEquals(0, r.code(), r.err());
        assertEquals("here\n", r.out());
    }

    @Test
    void aCommandThatFailsUnexpectedlyIsOneLineAndExitOne() {
        register(new CliCommand() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String summary() {
                return "fails";
            }

            @Override
            public String help() {
                return "usage: convergence broken\n";
            }

            @Override
            public int run(CliContext context, List<String> args) {
                throw new IllegalStateException("a defect in a contributed command");
            }
        });
        Cli.Result r = Cli.run(home, "broken");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("convergence broken: internal error: java.lang.IllegalStateException: a defect"),
            r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    /** A partner's command that reads history: it configures a historian on a folder for its run only. */
    private static final class Count implements CliCommand {
        private final Path folder;
        private long historianId = -1;

        Count(Path folder) {
            this.folder = folder;
        }

        @Override
        public String name() {
            return "count";
        }

        @Override
        public String summary() {
            return "count the points of a data folder";
        }

        @Override
        public String help() {
            return "usage: convergence count\n";
        }

        @Override
        public int run(CliContext context, List<String> args) throws CommandException {
            RunConfigurations run = context.configurations();
            run.apply("count:historian", Presets.historian(folder));
            Historian h = run.await(Historian.class, null, Duration.ofSeconds(20), "the historian on " + folder);
            try {
                for (ServiceReference<Historian> ref : Cli.bundles().getServiceReferences(Historian.class, null)) {
                    historianId = Math.max(historianId, (Long) ref.getProperty(Constants.SERVICE_ID));
                }
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            try {
                context.out().println(h.points().size() + " points");
            } catch (HistorianException e) {
                throw new CommandException(e.getMessage(), e);
            }
            return OK;
        }
    }

    @Test
    void theServicesACommandConfiguresForItsRunAreGoneWhenItReturns() throws Exception {
        Count count = new Count(home.resolve("data"));
        register(count);
        Cli.Result r = Cli.run(home, "count");
        assertEquals(0, r.code(), r.err());
        assertEquals("0 points\n", r.out());
        assertTrue(count.historianId > 0, "the command saw its historian");
        assertNull(Cli.bundles().getAllServiceReferences(null, "(" + Constants.SERVICE_ID + "=" + count.historianId + ")"),
            "the historian of the run is unregistered when the command line returns");
        ConfigurationAdmin admin = Cli.bundles().getService(Cli.bundles().getServiceReference(ConfigurationAdmin.class));
        assertNull(admin.listConfigurations("(" + ConfigurationService.SOURCE_PROPERTY + "=count:historian)"),
            "nothing of the run stays configured");
    }

    @Test
    void aComponentOfTheRunThatCannotStartEndsTheWaitWithItsReason() throws Exception {
        Path file = java.nio.file.Files.writeString(home.resolve("not-a-folder"), "x");
        register(new Count(file));
        long started = System.nanoTime();
        Cli.Result r = Cli.run(home, "count");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("not-a-folder"), r.err());
        assertFalse(r.err().contains("did not start within"), "the component's reason, not a timeout: " + r.err());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(15).toNanos(), "no waiting out the 20 s");
    }

    @Test
    void aStopRequestedBeforeAHookIsRegisteredRunsItAtOnce() {
        ProcessContext ctx = new ProcessContext(System.out, System.err, home);
        List<String> ran = new ArrayList<>();
        ctx.onStop(() -> ran.add("first"));
        ctx.requestStop();
        ctx.onStop(() -> ran.add("second"));
        ctx.requestStop();
        assertEquals(List.of("first", "second"), ran);
        assertTrue(ctx.stopRequested());
    }
}
