package io.convergence.ui.trend.internal.data;

import java.util.List;

import io.convergence.api.historian.Historian;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.ui.trend.internal.model.BucketTraces;
import io.convergence.ui.trend.internal.model.CsvWriter;
import io.convergence.ui.trend.internal.model.LiveTail;

import org.jspecify.annotations.Nullable;

/**
 * One pen's raw samples over a range for export: the historian's, read in pages, then the live
 * tail's samples newer than the last one the historian had.
 */
public final class HistorySource implements CsvWriter.Source {

    /** Samples per historian read. */
    static final int PAGE = 50_000;

    private final @Nullable Historian historian;
    private final PointPath point;
    private final long to;
    private final @Nullable LiveTail tail;
    private long cursor;
    private List<Sample> page = List.of();
    private int index;
    private boolean historyDone;
    private LiveTail.@Nullable Samples tailSamples;
    private int tailIndex = -1;
    private long time;
    private double value;
    private boolean bad;

    /**
     * @param historian where history comes from; {@code null} for live samples only
     * @param tail the pen's live samples; {@code null} if none
     */
    public HistorySource(@Nullable Historian historian, PointPath point, long from, long to, @Nullable LiveTail tail) {
        this.historian = historian;
        this.point = point;
        this.cursor = from;
        this.to = to;
        this.tail = tail;
        this.historyDone = historian == null;
    }

    @Override
    public boolean advance() throws Exception {
        while (!historyDone) {
            if (index < page.size()) {
                Sample s = page.get(index++);
                time = BucketTraces.micros(s.time());
                value = s.number();
                bad = s.quality() == Quality.BAD;
                cursor = time + 1;
                return true;
            }
            Historian h = historian;
            page = h == null || cursor >= to ? List.of()
                : h.samples(point, HistoryLoader.instant(cursor), HistoryLoader.instant(to), PAGE);
            index = 0;
            historyDone = page.isEmpty();
        }
        if (tailSamples == null) {
            tailSamples = tail == null ? new LiveTail.Samples(new long[0], new double[0], new byte[0])
                : tail.copy(cursor, to);
            tailIndex = -1;
        }
        LiveTail.Samples t = tailSamples;
        if (++tailIndex >= t.times().length) {
            return false;
        }
        time = t.times()[tailIndex];
        value = t.values()[tailIndex];
        bad = t.qualities()[tailIndex] == Quality.BAD.ordinal();
        return true;
    }

    @Override
    public long time() {
        return time;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean bad() {
        return bad;
    }
}
