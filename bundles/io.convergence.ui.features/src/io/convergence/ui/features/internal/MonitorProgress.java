package io.convergence.ui.features.internal;

import io.convergence.admin.Progress;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The feature service's {@link Progress} shown on a job's {@link IProgressMonitor}. The service does
 * not say how many steps come, so each step takes half of the work left; a step's own work (bytes
 * to download, say) may exceed what an {@code int} holds and is scaled down. Cancelling the monitor
 * asks the service to stop.
 */
public final class MonitorProgress implements Progress {

    private static final int TOTAL = 1000;

    private final IProgressMonitor monitor;
    private final SubMonitor root;
    private SubMonitor current;
    private String step = "";
    private long scale = 1;
    private long pending;

    /** @param task what the whole operation is, such as {@code install x 1.0.0} */
    public MonitorProgress(IProgressMonitor monitor, String task) {
        this.monitor = monitor;
        root = SubMonitor.convert(monitor, task, TOTAL);
        current = root.newChild(0);
    }

    @Override
    public synchronized void step(String name, long work) {
        step = name;
        current.done();
        // newChild, not split: split throws when cancelled, inside the service's code.
        current = root.setWorkRemaining(TOTAL).newChild(TOTAL / 2, SubMonitor.SUPPRESS_ALL_LABELS);
        scale = work > Integer.MAX_VALUE / 2 ? work / (Integer.MAX_VALUE / 2) + 1 : 1;
        pending = 0;
        current.setWorkRemaining(work > 0 ? (int) (work / scale) : 0);
        monitor.subTask(name);
    }

    @Override
    public synchronized void worked(long work) {
        pending += work;
        int ticks = (int) (pending / scale);
        if (ticks > 0) {
            pending -= ticks * scale;
            current.worked(ticks);
        }
    }

    @Override
    public synchronized void detail(String text) {
        monitor.subTask(step.isEmpty() ? text : step + ": " + text);
    }

    @Override
    public boolean cancelled() {
        return monitor.isCanceled();
    }

    /** Marks the whole operation done. */
    public synchronized void done() {
        current.done();
        root.done();
        monitor.done();
    }
}
