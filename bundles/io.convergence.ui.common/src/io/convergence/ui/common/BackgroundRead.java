package io.convergence.ui.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;

/**
 * Reads what a view shows off the UI thread, every few seconds and when asked, and hands the result
 * to the UI thread. Services may take a while to answer (a database behind them, a recompute); the
 * UI thread never waits on one. Requests that arrive while a read runs are folded into one more
 * read after it, so a burst of service changes costs two reads, not one per change.
 *
 * @param <T> what one read produces: an immutable snapshot of what the view shows
 */
public final class BackgroundRead<T> implements AutoCloseable {

    private final Display display;
    private final Supplier<T> read;
    private final Consumer<T> show;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * Starts reading at once and then every {@code periodMillis}.
     *
     * @param name the thread's name, for thread dumps
     * @param read reads the services on the background thread; must not touch widgets
     * @param show shows a result on the UI thread; not called once the display or this is closed
     */
    public BackgroundRead(Display display, String name, long periodMillis, Supplier<T> read, Consumer<T> show) {
        this.display = display;
        this.read = read;
        this.show = show;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::readNow, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Asks for a read as soon as possible (a service came or went, the user chose something else). Any thread. */
    public void request() {
        if (!closed && pending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    pending.set(false);
                    readNow();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile
            }
        }
    }

    private void readNow() {
        if (closed) {
            return;
        }
        T result = read.get();
        if (closed || display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!closed) {
                    show.accept(result);
                }
            });
        } catch (org.eclipse.swt.SWTException e) {
            // the display was disposed between the check and the call
        }
    }

    /** Stops reading; a read under way finishes but is not shown. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
    }
}
