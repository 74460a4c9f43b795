package io.convergence.ui.connections.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import io.convergence.testing.ui.Ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves screenshots to target/screenshots (the event loop is run by {@link Ui}). */
final class Screens {

    private Screens() {
    }

    /** Where screenshots go: {@code -Dconvergence.screenshots}, else target/screenshots of this module. */
    static Path dir() throws Exception {
        String p = System.getProperty("convergence.screenshots", "");
        Path dir;
        if (!p.isBlank() && !p.contains("${")) {
            dir = Path.of(p);
        } else {
            Path cwd = Path.of("").toAbsolutePath();
            dir = cwd.getFileName() != null && cwd.getFileName().toString().equals("work") && cwd.getParent() != null
                ? cwd.getParent().resolve("screenshots") : cwd.resolve("target").resolve("screenshots");
        }
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Saves what a shell shows as a PNG. Draws the shell into an image rather than copying the
     * screen, so that other windows on the same display cannot cover it.
     */
    static Path save(Shell shell, String name) throws Exception {
        Display d = shell.getDisplay();
        Ui.pump(d, 300);
        Point size = shell.getSize();
        Image image = new Image(d, size.x, size.y);
        GC gc = new GC(image);
        try {
            if (!shell.print(gc)) {
                gc.copyArea(image, shell.getLocation().x, shell.getLocation().y);
            }
        } finally {
            gc.dispose();
        }
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            Path file = dir().resolve(name);
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            image.dispose();
        }
    }
}
