package io.convergence.runtime.internal;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;

/** The context of a command: given streams and home, stop hooks run by {@link #requestStop()}, the console for secrets. */
final class ProcessContext implements CliContext {

    private final PrintStream out;
    private final PrintStream err;
    private final Path home;
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean stopped;

    ProcessContext(PrintStream out, PrintStream err, Path home) {
        this.out = out;
        this.err = err;
        this.home = home;
    }

    /** The user's Convergence folder of this process: {@code convergence.home}, else {@code ~/.convergence}. */
    static Path defaultHome() {
        return Path.of(System.getProperty("convergence.home", System.getProperty("user.home") + "/.convergence"));
    }

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
        return home;
    }

    @Override
    public void onStop(Runnable hook) {
        synchronized (hooks) {
            if (!stopped) {
                hooks.add(hook);
                return;
            }
        }
        hook.run();
    }

    @Override
    public boolean stopRequested() {
        synchronized (hooks) {
            return stopped;
        }
    }

    /** Ctrl-C or SIGTERM: runs every hook registered so far, once; later ones run as they come. */
    void requestStop() {
        List<Runnable> run;
        synchronized (hooks) {
            if (stopped) {
                return;
            }
            stopped = true;
            run = List.copyOf(hooks);
            hooks.clear();
        }
        run.forEach(Runnable::run);
    }

    @Override
    public char[] readSecret(String prompt) throws CommandException {
        Console console = System.console();
        if (console == null) {
            throw new CommandException("cannot ask for the " + prompt + ": no terminal (give it in a file or"
                + " an environment variable instead; see the command's --help)");
        }
        char[] secret = console.readPassword("%s: ", prompt);
        if (secret == null) {
            throw new CommandException("no " + prompt + " given: the input ended");
        }
        return secret;
    }
}
