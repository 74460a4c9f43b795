package io.convergence.ui.workbench.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the workbench wrote to standard output while it was open: the lines an administrator (or the
 * end-to-end script) reads of views coming and going.
 */
final class StandardOutput implements AutoCloseable {

    private final PrintStream out;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private StandardOutput() {
        out = System.out;
        System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
    }

    static StandardOutput watch() {
        return new StandardOutput();
    }

    String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(out);
    }
}
