package io.convergence.runtime.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelHost;
import io.convergence.api.model.ModelStatus;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.runtime.internal.CsvSamples.Problem;
import io.convergence.runtime.internal.CsvSamples.Rows;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * {@code history import}: checks the rows of a CSV file against what the historian holds, stores them
 * in one append, then asks the models that read the points to recompute the range.
 *
 * <p>Imported history goes straight into the historian, not over the sample bus, and a recompute is
 * asked for afterwards. The bus carries live data to whoever listens: a file published on it would be
 * stored by the recorder in many batches (half a file stored when one fails), would reach a model as
 * late samples one batch at a time (a recompute each), and is pointless in a process where no model
 * runs. One append is one transaction (all of the file or none of it), and one recompute per model
 * over the imported range covers every period the file touches, as the model host's contract says
 * (ADR 17). A model host running in this process is asked directly; a runtime that is not running
 * learns nothing here, which the command says.
 */
final class HistoryImport {

    private static final long RECOMPUTE_SECONDS = 300;

    private HistoryImport() {
    }

    /**
     * Problems of the rows against the historian: a point stored with numbers gets text. A point
     * stored with text takes numbers as their text.
     *
     * @return per point, whether its values are stored as numbers
     */
    static boolean[] types(Historian h, Rows rows, List<Problem> problems) throws HistorianException {
        Map<PointPath, PointSummary> stored = new HashMap<>();
        for (PointSummary s : h.points()) {
            stored.put(s.point(), s);
        }
        boolean[] numeric = rows.numeric().clone();
        for (int p = 0; p < rows.points().size(); p++) {
            PointSummary s = stored.get(rows.points().get(p));
            if (s == null) {
                continue;
            }
            Boolean storedNumbers = storedNumbers(h, s);
            if (storedNumbers == null) {
                continue;
            }
            if (storedNumbers && !numeric[p]) {
                int row = firstText(rows, p);
                problems.add(new Problem(rows.line()[row], 0, "point " + rows.points().get(p) + " holds numbers in the"
                    + " historian; value " + CsvSamples.quoted(rows.raw()[row]) + " is not a number"));
            } else if (!storedNumbers) {
                numeric[p] = false;
            }
        }
        return numeric;
    }

    /** Whether a stored point holds numbers (true), text (false) or nothing telling (null). */
    private static Boolean storedNumbers(Historian h, PointSummary s) throws HistorianException {
        List<Sample> last = h.samples(s.point(), s.last(), s.last().plusNanos(1_000), 10);
        for (Sample x : last) {
            if (x.value() instanceof Number) {
                return Boolean.TRUE;
            }
            if (x.value() != null) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    private static int firstText(Rows rows, int p) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.point()[i] == p && !rows.raw()[i].isEmpty() && !CsvSamples.looksNumeric(rows.raw()[i])) {
                return i;
            }
        }
        return 0;
    }

    /** The rows as one batch: numbers for numeric points, text for the others, a gap for an empty bad value. */
    static SampleBatch batch(Rows rows, boolean[] numeric) {
        SampleBatch.Builder b = SampleBatch.builder(rows.size());
        PointPath[] paths = rows.points().toArray(PointPath[]::new);
        Quality[] qualities = Quality.values();
        for (int i = 0; i < rows.size(); i++) {
            int p = rows.point()[i];
            Quality q = qualities[rows.quality()[i]];
            String raw = rows.raw()[i];
            if (raw.isEmpty()) {
                b.add(paths[p], rows.micros()[i], Double.NaN, q);
            } else if (numeric[p]) {
                b.add(paths[p], rows.micros()[i], rows.number()[i], q);
            } else {
                b.addText(paths[p], rows.micros()[i], raw, q);
            }
        }
        return b.build();
    }

    /**
     * Asks the model host of this process, if there is one, to recompute every model that reads one of
     * the points over {@code [from, to)}; prints what happened. For a data folder ({@code --data}),
     * leaves a note in the folder's {@code models/late-history} instead, which the model host reads
     * when a runtime next starts there: each model that reads one of the points then recomputes the
     * range, once (no runtime runs on the folder meanwhile: it holds the database).
     */
    static void recompute(BundleContext context, PrintStream out, @Nullable Path data, List<PointPath> points,
                          long from, long to) {
        if (data != null) {
            // The models that run on this folder are those of a runtime started on it later.
            try {
                Path note = LateHistoryNote.append(data, Micros.now(), from, to, points);
                out.println("models that read these points recompute " + Micros.toInstant(from) + " to "
                    + Micros.toInstant(to) + " when they next start on this folder (noted in " + note + ")");
            } catch (IOException e) {
                out.println("warning: the note for the models could not be written (" + e.getMessage()
                    + "): models that read these points recompute the range only when asked");
            }
            return;
        }
        ServiceReference<ModelHost> hostRef = context.getServiceReference(ModelHost.class);
        ModelHost host = hostRef == null ? null : context.getService(hostRef);
        if (host == null) {
            out.println("no model host runs in this process: models that read these points recompute the range"
                + " when asked (a running runtime's model host, or ModelHost.recompute)");
            return;
        }
        try {
            List<String> ids = new ArrayList<>();
            for (ServiceReference<AnalyticsModel> r : context.getServiceReferences(AnalyticsModel.class, null)) {
                AnalyticsModel m = context.getService(r);
                if (m == null) {
                    continue;
                }
                try {
                    if (points.stream().anyMatch(p -> m.inputs().matches(p))) {
                        ids.add(m.id());
                    }
                } finally {
                    context.ungetService(r);
                }
            }
            if (ids.isEmpty()) {
                out.println("no model reads these points");
                return;
            }
            Instant start = Micros.toInstant(from);
            Instant end = Micros.toInstant(to);
            for (String id : ids) {
                CompletableFuture<ModelStatus> done = host.recompute(id, start, end);
                try {
                    done.get(RECOMPUTE_SECONDS, TimeUnit.SECONDS);
                    out.println("model " + id + " recomputed from " + start + " to " + end);
                } catch (ExecutionException e) {
                    out.println("model " + id + " was not recomputed: " + e.getCause().getMessage());
                } catch (TimeoutException e) {
                    out.println("model " + id + " is still recomputing; it goes on in the background");
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            context.ungetService(hostRef);
        }
    }
}
