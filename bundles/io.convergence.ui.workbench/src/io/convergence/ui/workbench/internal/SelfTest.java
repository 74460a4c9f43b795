package io.convergence.ui.workbench.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * A check of the assembled product, used by the build's product smoke test: with the system
 * property {@code convergence.selftest} set to a folder, the workbench opens every view it has a
 * descriptor for, lets data flow, saves a screenshot of the window with each view active, writes
 * {@code selftest.txt} (one line per view: {@code ok id label} or {@code FAILED id reason}) and
 * closes itself. Without the property it does nothing.
 */
public final class SelfTest {

    /** System property: folder for the report and the screenshots. */
    public static final String PROPERTY = "convergence.selftest";

    @Inject
    private MApplication app;

    private EPartService parts;

    @Inject
    @Optional
    public void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        // Parts are shown through the main window's part service (the application has none).
        parts = app.getSelectedElement().getContext().get(EPartService.class);
        Display display = Display.getCurrent();
        List<MPartDescriptor> descriptors = new ArrayList<>(app.getDescriptors());
        List<String> report = new ArrayList<>();
        // Give the plant a few seconds to connect, then visit every view in turn.
        display.timerExec(Integer.getInteger("convergence.selftest.delay", 8000),
            () -> visit(display, Path.of(dir), descriptors, 0, report));
    }

    private void visit(Display display, Path dir, List<MPartDescriptor> descriptors, int index, List<String> report) {
        if (index >= descriptors.size()) {
            finish(display, dir, report);
            return;
        }
        MPartDescriptor d = descriptors.get(index);
        String id = d.getElementId();
        try {
            MPart part = parts.showPart(id, PartState.ACTIVATE);
            if (part == null || part.getObject() == null || !(part.getWidget() instanceof Composite c) || c.isDisposed()) {
                report.add("FAILED " + id + " the part did not render");
            } else {
                report.add("ok " + id + " " + d.getLabel());
            }
        } catch (RuntimeException e) {
            report.add("FAILED " + id + " " + e);
        }
        display.timerExec(1500, () -> {
            screenshot(display, dir.resolve(id + ".png"));
            visit(display, dir, descriptors, index + 1, report);
        });
    }

    private void finish(Display display, Path dir, List<String> report) {
        screenshot(display, dir.resolve("workbench.png"));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("selftest.txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("selftest: cannot write the report: " + e.getMessage());
        }
        app.getContext().get(IWorkbench.class).close();
    }

    private static void screenshot(Display display, Path file) {
        Shell[] shells = display.getShells();
        if (shells.length == 0) {
            return;
        }
        Shell shell = display.getActiveShell() != null ? display.getActiveShell() : shells[0];
        var size = shell.getSize();
        Image image = new Image(display, size.x, size.y);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            Files.createDirectories(file.getParent());
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } catch (IOException e) {
            System.err.println("selftest: cannot save " + file + ": " + e.getMessage());
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
