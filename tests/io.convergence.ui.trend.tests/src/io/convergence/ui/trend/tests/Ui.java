package io.convergence.ui.trend.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Assumptions;
import org.eclipse.swt.widgets.Display;

/** Running the SWT event loop from a test, and where screenshots go. */
final class Ui {

    private Ui() {
    }

    /** Skips the calling test when there is no X display to draw on. */
    static void assumeDisplay() {
        String d = System.getenv("DISPLAY");
        Assumptions.assumeTrue(d != null && !d.isBlank(),
            "DISPLAY is not set: the rendering tests need an X server (CI runs them under Xvfb; locally: "
                + "Xvfb :99 -screen 0 1400x900x24 & export DISPLAY=:99)");
    }

    /** Runs the event loop until {@code done}; fails after the timeout. */
    static void waitFor(Display display, String what, Duration timeout, BooleanSupplier done) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("no " + what + " within " + timeout);
            }
            pump(display, 20);
        }
    }

    /** Runs the event loop for about {@code millis}. */
    static void pump(Display display, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** {@code <convergence.screenshots>/<name>}, its folder created. */
    static Path screenshotFile(String name) throws Exception {
        Path dir = Path.of(System.getProperty("convergence.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return dir.resolve(name);
    }
}
