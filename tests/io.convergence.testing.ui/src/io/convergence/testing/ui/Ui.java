package io.convergence.testing.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.convergence.testing.Wait;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Assumptions;

/** Running the SWT event loop from a test while it keeps painting, and screenshots. */
public final class Ui {

    private Ui() {
    }

    /** Skips the calling test (class) when there is no X display to draw on. */
    public static void assumeDisplay() {
        String d = System.getenv("DISPLAY");
        Assumptions.assumeTrue(d != null && !d.isBlank(),
            "DISPLAY is not set: the rendering tests need an X server (CI runs them under Xvfb; locally: "
                + "Xvfb :99 -screen 0 1400x900x24 & export DISPLAY=:99)");
    }

    /** Polls off the UI thread until {@code probe} answers non-null ({@link Wait#forValue}). */
    public static <T> T poll(String what, Duration timeout, Supplier<T> probe) {
        return Wait.forValue(what, timeout, probe::get);
    }

    /** Runs the event loop until {@code probe} answers non-null; fails after the timeout. */
    public static <T> T waitFor(Display display, String what, Duration timeout, Supplier<T> probe) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T t = probe.get();
            if (t != null) {
                return t;
            }
            if (System.nanoTime() > end) {
                fail("no " + what + " within " + timeout);
            }
            pump(display, 20);
        }
    }

    /** Runs the event loop until {@code done}; fails after the timeout. */
    public static void waitUntil(Display display, String what, Duration timeout, BooleanSupplier done) {
        waitFor(display, what, timeout, () -> done.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Runs the event loop for about {@code millis}. */
    public static void pump(Display display, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** {@code <convergence.screenshots>/<name>} (default target/screenshots), its folder created. */
    public static Path screenshotFile(String name) throws Exception {
        Path dir = Path.of(System.getProperty("convergence.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    /**
     * Saves what the shell shows as {@code <convergence.screenshots>/<name>}. The shell draws itself
     * into the image, so windows of other programs on the same display do not get in the way.
     */
    public static Path screenshot(Shell shell, String name) throws Exception {
        Display display = shell.getDisplay();
        pump(display, 300);
        Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(image);
        try {
            if (!shell.print(gc)) {
                throw new IllegalStateException("this platform cannot print a shell into an image");
            }
        } finally {
            gc.dispose();
        }
        Path file = screenshotFile(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }
}
