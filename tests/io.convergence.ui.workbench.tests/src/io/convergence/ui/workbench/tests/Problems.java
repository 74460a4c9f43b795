package io.convergence.ui.workbench.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.convergence.testing.Osgi;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * What went wrong while it was open: warnings and errors the framework's log received (e4 logs
 * there, and through it the exceptions its event loop catches) and the lines written to standard
 * error (where slf4j writes ours), so a test can say "nothing complained".
 */
final class Problems implements AutoCloseable {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final LogReaderService reader;
    private final LogListener listener;
    private final PrintStream err;
    private final ByteArrayOutputStream errCopy = new ByteArrayOutputStream();

    private Problems() {
        reader = Osgi.await(LogReaderService.class);
        listener = this::logged;
        reader.addLogListener(listener);
        err = System.err;
        System.setErr(new PrintStream(new Tee(err, errCopy), true, StandardCharsets.UTF_8));
    }

    static Problems watch() {
        return new Problems();
    }

    private void logged(LogEntry e) {
        if (e.getLogLevel().implies(LogLevel.WARN)) {
            seen.add(e.getLogLevel() + " " + e.getBundle().getSymbolicName() + ": " + e.getMessage()
                + (e.getException() == null ? "" : " " + e.getException()));
        }
    }

    /** Everything seen so far. */
    List<String> seen() {
        List<String> out = new ArrayList<>(seen);
        for (String line : errCopy.toString(StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank()) {
                out.add("stderr: " + line);
            }
        }
        return out;
    }

    @Override
    public void close() {
        reader.removeLogListener(listener);
        System.setErr(err);
    }
}
