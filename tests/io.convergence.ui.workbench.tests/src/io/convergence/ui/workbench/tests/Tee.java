package io.convergence.ui.workbench.tests;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/** Writes to the real stream and keeps a copy. */
final class Tee extends OutputStream {

    private final PrintStream out;
    private final ByteArrayOutputStream copy;

    Tee(PrintStream out, ByteArrayOutputStream copy) {
        this.out = out;
        this.copy = copy;
    }

    @Override
    public void write(int b) {
        out.write(b);
        synchronized (copy) {
            copy.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        out.write(b, off, len);
        synchronized (copy) {
            copy.write(b, off, len);
        }
    }
}
