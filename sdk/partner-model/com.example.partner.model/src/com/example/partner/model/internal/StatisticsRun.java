package com.example.partner.model.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.convergence.api.model.ModelContext;
import io.convergence.api.model.ModelContext.Mode;
import io.convergence.api.model.ModelRun;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

/**
 * One run of the statistics: the windows still open, and up to where windows are closed (published).
 *
 * <p>A window closes when time passes its end: in a live run {@code grace} later, to wait for samples
 * still on their way; in a replay at the end of the range, when all its data is there. A sample for a
 * window already closed comes too late for the live figures: the run asks the host to recompute that
 * window, which then replays it from history with the sample in it and replaces what was stored.
 *
 * <p>Its checkpoint is the open windows and the closing time; restored, the run goes on exactly where
 * the checkpointed one stood.
 */
final class StatisticsRun implements ModelRun {

    /** The output points. */
    record Outputs(PointPath mean, PointPath min, PointPath max, PointPath stddev, PointPath count) {
    }

    private static final int FORMAT = 1;

    private final Settings settings;
    private final Outputs out;
    private final ModelContext context;
    private final long window;
    private final TreeMap<Long, Window> open = new TreeMap<>();
    /** Windows ending at or before this are closed: the end of the latest window published. */
    private long closedUntil = Long.MIN_VALUE;

    /**
     * @throws IllegalStateException if the checkpoint to resume from is not one of this model's
     *     (another format, another window length): the host then starts the model afresh
     */
    StatisticsRun(Settings settings, Outputs out, ModelContext context) {
        this.settings = settings;
        this.out = out;
        this.context = context;
        this.window = settings.windowMicros();
        context.checkpoint().ifPresent(this::restore);
    }

    @Override
    public void onSamples(SampleBatch batch) {
        TreeSet<Long> tooLate = new TreeSet<>();
        for (int i = 0; i < batch.size(); i++) {
            // Numeric samples of good quality count; text, gaps and doubtful values do not.
            if (batch.quality(i) != Quality.GOOD || batch.text(i) != null) {
                continue;
            }
            double v = batch.number(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            long start = Math.floorDiv(batch.timeMicros(i), window) * window;
            if (start + window <= closedUntil) {
                tooLate.add(start);
                continue;
            }
            open.computeIfAbsent(start, s -> new Window()).add(v);
        }
        if (context.mode() == Mode.LIVE) {
            for (long start : tooLate) {
                context.requestRecompute(Micros.toInstant(start), Micros.toInstant(start + window));
            }
        }
    }

    @Override
    public void advance(long micros) {
        long limit = context.mode() == Mode.LIVE ? micros - settings.graceMicros() : micros;
        SampleBatch.Builder b = SampleBatch.builder(10);
        while (!open.isEmpty() && open.firstKey() + window <= limit) {
            Map.Entry<Long, Window> e = open.pollFirstEntry();
            long start = e.getKey();
            Window w = e.getValue();
            b.add(out.mean(), start, w.mean(), Quality.GOOD)
                .add(out.min(), start, w.min(), Quality.GOOD)
                .add(out.max(), start, w.max(), Quality.GOOD)
                .add(out.stddev(), start, w.stddev(), Quality.GOOD)
                .add(out.count(), start, w.count(), Quality.GOOD);
            // A window without samples was never published; a sample for it later opens it like any other.
            closedUntil = Math.max(closedUntil, start + window);
        }
        if (b.size() > 0) {
            context.publish(b.build());
        }
    }

    @Override
    public byte[] checkpoint() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(bytes);
            o.writeInt(FORMAT);
            o.writeLong(window);
            o.writeLong(closedUntil);
            o.writeInt(open.size());
            for (Map.Entry<Long, Window> e : open.entrySet()) {
                o.writeLong(e.getKey());
                e.getValue().write(o);
            }
            o.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    private void restore(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("checkpoint format " + format + ", this model reads " + FORMAT);
            }
            long w = in.readLong();
            if (w != window) {
                throw new IllegalStateException("checkpoint of " + w / Micros.PER_SECOND + " s windows; the model now has "
                    + window / Micros.PER_SECOND + " s windows");
            }
            closedUntil = in.readLong();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                open.put(in.readLong(), Window.read(in));
            }
        } catch (IOException e) {
            throw new IllegalStateException("checkpoint cut short or damaged: " + e.getMessage(), e);
        }
    }
}
