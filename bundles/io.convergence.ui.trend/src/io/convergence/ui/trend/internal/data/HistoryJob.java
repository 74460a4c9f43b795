package io.convergence.ui.trend.internal.data;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointPath;
import io.convergence.ui.trend.internal.model.HistorySlice;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.jspecify.annotations.Nullable;

/** Reads the pens' history in the background and hands the result over; the UI never waits for it. */
public final class HistoryJob extends Job {

    /** Job family, so that tests and shutdown can wait for or cancel every read. */
    public static final Object FAMILY = HistoryJob.class;

    /**
     * What a read gave.
     *
     * @param request what was asked
     * @param slices per point, what was read
     * @param error why the read failed, {@code null} if it did not
     * @param millis how long it took
     */
    public record Result(HistoryRequest request, Map<PointPath, HistorySlice> slices, @Nullable String error,
                         long millis) {
    }

    private final Historian historian;
    private final HistoryRequest request;
    private final Consumer<Result> done;

    /**
     * @param done called on the job's thread when the read finished, not when it was cancelled
     */
    public HistoryJob(Historian historian, HistoryRequest request, Consumer<Result> done) {
        super("Reading trend history");
        this.historian = historian;
        this.request = request;
        this.done = done;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        long start = System.nanoTime();
        Map<PointPath, HistorySlice> slices = new HashMap<>();
        String error = null;
        for (PointPath p : request.points()) {
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            try {
                slices.put(p, HistoryLoader.load(historian, p, request.from(), request.to(), request.columns()));
            } catch (HistorianException | RuntimeException e) {
                error = e.getMessage();
            }
        }
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        done.accept(new Result(request, slices, error, (System.nanoTime() - start) / 1_000_000));
        return Status.OK_STATUS;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
