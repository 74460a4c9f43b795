package io.convergence.ui.trend.internal.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.convergence.api.historian.Historian;
import io.convergence.api.point.PointPath;
import io.convergence.ui.trend.internal.model.CsvWriter;
import io.convergence.ui.trend.internal.model.LiveTail;
import io.convergence.ui.trend.internal.model.Messages;
import io.convergence.ui.trend.internal.model.Pen;
import io.convergence.ui.trend.internal.model.TimeWindow;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.jspecify.annotations.Nullable;

/**
 * Writes the visible range of every pen to a CSV file in the background: into a temporary file
 * next to the target, moved into place when complete, so a cancelled or failed export leaves no
 * half-written file.
 */
public final class CsvExportJob extends Job {

    /** Job family. */
    public static final Object FAMILY = CsvExportJob.class;

    private final @Nullable Historian historian;
    private final List<Pen> pens;
    private final TimeWindow window;
    private final Function<PointPath, @Nullable LiveTail> tails;
    private final Path file;
    private final Consumer<String> done;

    /**
     * @param done called with a one-line outcome for the status line
     */
    public CsvExportJob(@Nullable Historian historian, List<Pen> pens, TimeWindow window,
                        Function<PointPath, @Nullable LiveTail> tails, Path file, Consumer<String> done) {
        super("Exporting trend to " + file.getFileName());
        this.historian = historian;
        this.pens = List.copyOf(pens);
        this.window = window;
        this.tails = tails;
        this.file = file;
        this.done = done;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            long rows = write(tmp, monitor);
            if (monitor.isCanceled()) {
                Files.deleteIfExists(tmp);
                done.accept(Messages.statusExportCancelled);
                return Status.CANCEL_STATUS;
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done.accept(NLS.bind(Messages.statusExported, rows, file));
            return Status.OK_STATUS;
        } catch (Exception e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file stays; the message below says what failed
            }
            done.accept(NLS.bind(Messages.statusExportFailed, e.getMessage()));
            return Status.error("Export to " + file + " failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    private long write(Path target, IProgressMonitor monitor) throws Exception {
        List<String> headers = new ArrayList<>();
        List<HistorySource> sources = new ArrayList<>();
        for (Pen p : pens) {
            headers.add(p.unit().isEmpty() ? p.path().toString() : p.path() + " [" + p.unit() + "]");
            sources.add(new HistorySource(historian, p.path(), window.from(), window.to(), tails.apply(p.path())));
        }
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            return CsvWriter.write(w, headers, sources, monitor::isCanceled);
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }
}
