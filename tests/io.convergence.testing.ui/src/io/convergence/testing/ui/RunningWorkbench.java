package io.convergence.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import io.convergence.testing.Osgi;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;

/**
 * The product's workbench, running inside the test framework: e4's own application (the one the
 * product starts) on the workbench's {@code Application.e4xmi}, with its model processors, addons
 * and every view bundle of the test runtime, on a thread of its own that becomes the UI thread. The
 * test thread drives it through {@link #ui(Callable)}. The workspace (model, layout) is saved in the
 * framework's instance area when the workbench closes, as in the product, so that a second start
 * in the same test sees what the first left.
 */
public final class RunningWorkbench implements AutoCloseable {

    private static final String E4_APPLICATION = "org.eclipse.e4.ui.workbench.swt.E4Application";
    private static final String SHELL_BUNDLE = "io.convergence.ui.workbench";

    private final Thread thread;
    private final IWorkbench workbench;
    private final Display display;
    private final AtomicReference<Throwable> failure;

    private RunningWorkbench(Thread thread, IWorkbench workbench, Display display, AtomicReference<Throwable> failure) {
        this.thread = thread;
        this.workbench = workbench;
        this.display = display;
        this.failure = failure;
    }

    /**
     * Starts the workbench on {@code workspace} (the product's {@code convergence.workspace}) and
     * waits until its window is up.
     *
     * @param fresh {@code true} to forget the layout a previous start in this framework saved
     */
    public static RunningWorkbench start(Path workspace, boolean fresh) throws Exception {
        System.setProperty("convergence.workspace", workspace.toString());
        IExtension ext = RegistryFactory.getRegistry().getExtension("org.eclipse.core.runtime.applications", E4_APPLICATION);
        if (ext == null) {
            throw new IllegalStateException("no " + E4_APPLICATION + " in the test runtime");
        }
        IConfigurationElement run = ext.getConfigurationElements()[0].getChildren("run")[0];
        IApplication application = (IApplication) run.createExecutableExtension("class");
        Bundle shell = Osgi.bundle(SHELL_BUNDLE);
        String[] args = fresh ? new String[] {"-clearPersistedState"} : new String[0];
        Context context = new Context(shell, args);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                application.start(context);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "workbench UI");
        t.setDaemon(true);
        t.start();
        IWorkbench wb = Ui.poll("a running workbench", Duration.ofSeconds(60), () -> {
            if (failure.get() != null) {
                throw new AssertionError("the workbench failed to start", failure.get());
            }
            IWorkbench w = Osgi.find(IWorkbench.class);
            return w != null && w.getApplication() != null && w.getApplication().getContext() != null ? w : null;
        });
        Display display = Ui.poll("the workbench's display", Duration.ofSeconds(10), () -> Display.findDisplay(t));
        RunningWorkbench running = new RunningWorkbench(t, wb, display, failure);
        running.waitUntil("the workbench window", Duration.ofSeconds(60), () -> {
            var window = wb.getApplication().getSelectedElement();
            return window != null && window.getWidget() instanceof Shell s && s.isVisible();
        });
        return running;
    }

    /** The application model. Read and change it on the UI thread only ({@link #ui}). */
    public MApplication application() {
        return workbench.getApplication();
    }

    /** The workbench's display. */
    public Display display() {
        return display;
    }

    /** Runs on the UI thread and returns what it answers; its exception fails the test. */
    public <T> T ui(Callable<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(task.call());
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        if (thrown.get() != null) {
            throw new AssertionError("on the UI thread: " + thrown.get(), thrown.get());
        }
        return result.get();
    }

    /** Posts to the UI thread without waiting (for what opens a dialog and waits itself). */
    public void uiLater(Runnable task) {
        display.asyncExec(task);
    }

    /** Polls {@code done} on the UI thread every 50 ms until it holds; fails after the timeout. */
    public void waitUntil(String what, Duration timeout, Callable<Boolean> done) throws InterruptedException {
        Ui.poll(what, timeout, () -> Boolean.TRUE.equals(ui(done)) ? Boolean.TRUE : null);
    }

    /** Closes the workbench as File &gt; Quit does (the model is saved) and waits for its thread to end. */
    @Override
    public void close() throws Exception {
        if (thread.isAlive() && !display.isDisposed()) {
            display.asyncExec(workbench::close);
        }
        thread.join(Duration.ofSeconds(60).toMillis());
        if (thread.isAlive()) {
            fail("the workbench did not close within a minute");
        }
        if (failure.get() != null) {
            throw new AssertionError("the workbench failed", failure.get());
        }
        assertEquals(null, Osgi.find(IWorkbench.class), "the workbench service is gone after close");
    }

    /** What e4 asks the launcher: the product's branding properties, and arguments. */
    private record Context(Bundle shell, String[] args) implements IApplicationContext {

        @Override
        public Map<String, Object> getArguments() {
            return Map.of(IApplicationContext.APPLICATION_ARGS, args);
        }

        @Override
        public void applicationRunning() {
        }

        @Override
        public String getBrandingApplication() {
            return E4_APPLICATION;
        }

        @Override
        public String getBrandingName() {
            return "Convergence Workbench";
        }

        @Override
        public String getBrandingDescription() {
            return "Convergence Workbench under test";
        }

        @Override
        public String getBrandingId() {
            return "io.convergence.ui.workbench.product";
        }

        @Override
        public String getBrandingProperty(String key) {
            return switch (key) {
                case "applicationXMI" -> SHELL_BUNDLE + "/Application.e4xmi";
                case "applicationCSS" -> "platform:/plugin/" + SHELL_BUNDLE + "/css/workbench.css";
                case "appName" -> "Convergence Workbench";
                default -> null;
            };
        }

        @Override
        public Bundle getBrandingBundle() {
            return shell;
        }

        @Override
        public void setResult(Object result, IApplication application) {
        }
    }
}
