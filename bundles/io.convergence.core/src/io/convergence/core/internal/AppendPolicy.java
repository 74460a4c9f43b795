package io.convergence.core.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.convergence.api.event.Event;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

/**
 * What the recorder does with an append that fails. The historian says which failures are its
 * storage's (a full disk, an I/O error, a lock): an {@link IOException} among the causes. Those are
 * retried with backoff for as long as they last, and reported at once as an outage (event, status);
 * the samples wait in the {@link RecordingQueue}. Any other failure is the data's: after two more
 * tries the batch is halved, and halved again, until the samples the historian refuses alone are
 * found; each is set aside (counted, reported with its point and the reason) and everything else
 * stored. So one bad sample never stops the rest, and a stalled disk never costs a sample until the
 * queue is full.
 */
final class AppendPolicy {

    /** Events when the historian stops storing (attribute {@code state}: disk-full, failing) and when it stores again (ok). */
    static final String TYPE_OUTAGE = "recorder.historian";
    /** Events naming a sample set aside and why. */
    static final String TYPE_REJECTED = "recorder.rejected";
    private static final long MAX_BACKOFF_MS = 5_000;

    private final Historian historian;
    private final RecordingQueue queue;
    private final Consumer<Event> events;
    private final BooleanSupplier running;
    private final Object pause = new Object();
    private final Map<PointPath, Instant> lastReject = new HashMap<>();
    private long outageSince;

    AppendPolicy(Historian historian, RecordingQueue queue, Consumer<Event> events, BooleanSupplier running) {
        this.historian = historian;
        this.queue = queue;
        this.events = events;
        this.running = running;
    }

    /**
     * Stores batches taken from the queue, merged into one append.
     *
     * @return whether all of it was stored; if not (the recorder stops meanwhile) the rest is back in
     *     the queue
     */
    synchronized boolean storeTaken(List<RecordingQueue.Entry> taken) throws InterruptedException {
        long bytes = 0;
        int n = 0;
        for (RecordingQueue.Entry e : taken) {
            bytes += e.bytes();
            n += e.batch().size();
        }
        SampleBatch merged = merge(taken, n);
        int done = store(merged, 0, merged.size(), true);
        if (done == merged.size()) {
            queue.freed(bytes);
            return true;
        }
        if (done == 0) {
            queue.putBack(taken);
        } else {
            queue.freed(bytes);
            queue.requeue(slice(merged, done, merged.size()));
        }
        return false;
    }

    /** Stores samples of the recorder's own (gap markers), not counted as taken from the bus. */
    synchronized boolean storeAll(SampleBatch batch) throws InterruptedException {
        return batch.isEmpty() || store(batch, 0, batch.size(), false) == batch.size();
    }

    /**
     * Stores what is queued, on the calling thread, until the queue is empty, the storage fails, or the
     * time is up: for a recorder that goes (not {@link #running}, so failures are not waited out).
     */
    void drain(int maxAppend, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<RecordingQueue.Entry> taken = queue.take(maxAppend, 0);
            if (taken.isEmpty() || !storeTaken(taken)) {
                return;
            }
        }
    }

    /** Ends a backoff wait early: the recorder stops. */
    void wake() {
        synchronized (pause) {
            pause.notifyAll();
        }
    }

    /** Stores rows {@code [from, to)}; returns the end of the prefix handled, {@code to} when all is. */
    private int store(SampleBatch batch, int from, int to, boolean counted) throws InterruptedException {
        SampleBatch part = from == 0 && to == batch.size() ? batch : slice(batch, from, to);
        long backoff = 100;
        int unexplained = 0;
        while (true) {
            try {
                historian.append(part);
                acknowledged(part, counted);
                return to;
            } catch (HistorianException | RuntimeException e) {
                boolean storage = ofStorage(e);
                String m = String.valueOf(e.getMessage());
                queue.failed(m, storage, storage && diskFull(e));
                if (storage || unexplained++ < 2) {
                    if (storage) {
                        outage(m, diskFull(e));
                    }
                    if (!running.getAsBoolean()) {
                        return from;
                    }
                    synchronized (pause) {
                        pause.wait(backoff);
                    }
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                    continue;
                }
                if (to - from == 1) {
                    setAside(part, m);
                    return to;
                }
                int mid = (from + to) >>> 1;
                int r = store(batch, from, mid, counted);
                return r < mid ? r : store(batch, mid, to, counted);
            }
        }
    }

    private void acknowledged(SampleBatch part, boolean counted) {
        if (counted) {
            queue.stored(part, 0);
        } else {
            queue.ends().stored(part);
        }
        if (outageSince != 0) {
            long seconds = (System.nanoTime() - outageSince) / 1_000_000_000L;
            outageSince = 0;
            queue.healthy();
            RecordingQueue.Snapshot s = queue.snapshot();
            events.accept(new Event(Instant.now(), "recorder", TYPE_OUTAGE, Event.Severity.INFO,
                "the historian stores again after " + seconds + " s; " + s.dropped() + " samples dropped in all"
                    + (s.dropped() > 0 ? ", marked as gaps" : ""),
                Map.of("state", "ok", "outageSeconds", Long.toString(seconds), "dropped", Long.toString(s.dropped()))));
        } else {
            queue.healthy();
        }
    }

    private void outage(String message, boolean full) {
        if (outageSince != 0) {
            return;
        }
        outageSince = System.nanoTime();
        String state = full ? "disk-full" : "failing";
        events.accept(new Event(Instant.now(), "recorder", TYPE_OUTAGE, Event.Severity.ERROR,
            (full ? "the historian's disk is full" : "the historian cannot store") + ": samples wait in memory and"
                + " are stored once it can again (" + message + ")", Map.of("state", state, "error", message)));
    }

    private void setAside(SampleBatch sample, String reason) {
        queue.rejected(sample.size());
        PointPath p = sample.point(0);
        Instant now = Instant.now();
        Instant last = lastReject.get(p);
        if (last != null && now.isBefore(last.plusSeconds(60))) {
            return;
        }
        if (lastReject.size() > 10_000) {
            lastReject.clear();
        }
        lastReject.put(p, now);
        events.accept(new Event(now, p.toString(), TYPE_REJECTED, Event.Severity.WARNING,
            "sample of " + p + " at " + sample.time(0) + " set aside: the historian refused it (" + reason + ")",
            Map.of("point", p.toString(), "reason", reason, "time", sample.time(0).toString())));
    }

    /** A storage failure, as the historian says: an {@link IOException} among the causes. */
    static boolean ofStorage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    static boolean diskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("disk is full") || m.contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    static SampleBatch merge(List<RecordingQueue.Entry> batches, int size) {
        if (batches.size() == 1) {
            return batches.get(0).batch();
        }
        SampleBatch.Builder b = SampleBatch.builder(size);
        for (RecordingQueue.Entry e : batches) {
            b.addAll(e.batch());
        }
        return b.build();
    }

    static SampleBatch slice(SampleBatch batch, int from, int to) {
        SampleBatch.Builder b = SampleBatch.builder(to - from);
        for (int i = from; i < to; i++) {
            b.addRow(batch, i);
        }
        return b.build();
    }
}
