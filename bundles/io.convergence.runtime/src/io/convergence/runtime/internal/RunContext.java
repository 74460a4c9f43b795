package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.nio.file.Path;

import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.RunConfigurations;

/** The context of one command run: the process's, with the configurations of this run. */
final class RunContext implements CliContext {

    private final CliContext process;
    private final CommandRun run;

    RunContext(CliContext process, CommandRun run) {
        this.process = process;
        this.run = run;
    }

    @Override
    public PrintStream out() {
        return process.out();
    }

    @Override
    public PrintStream err() {
        return process.err();
    }

    @Override
    public Path home() {
        return process.home();
    }

    @Override
    public void onStop(Runnable hook) {
        process.onStop(hook);
    }

    @Override
    public boolean stopRequested() {
        return process.stopRequested();
    }

    @Override
    public char[] readSecret(String prompt) throws CommandException {
        return process.readSecret(prompt);
    }

    @Override
    public RunConfigurations configurations() {
        return run;
    }
}
