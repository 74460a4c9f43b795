package io.convergence.models.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import io.convergence.api.bus.SampleListener;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;

/**
 * A model's live input: the batches its bus subscription delivers, waiting for the model's thread.
 *
 * <p>While the model catches up or replays from history, batches keep arriving here; the samples in
 * them may also be in the history being read (the recorder stores them meanwhile). So while
 * {@linkplain #startTracking() tracking}, every queued row is noted, the history reader
 * {@linkplain #markRead marks} the noted rows it feeds to the run, and the model's thread
 * {@linkplain #takeRead drops} those when it reaches them in the queue: each sample is consumed once,
 * from history or from the bus.
 *
 * <p>Holding more than a limit of samples holds up the bus subscription (and so, when the bus queue
 * is full too, the publishers), as {@code Delivery.EVERY_BATCH} means.
 */
final class InputQueue implements SampleListener {

    private final ArrayDeque<SampleBatch> batches = new ArrayDeque<>();
    private final long limit;
    private long samples;
    private boolean closed;
    private boolean woken;
    private boolean tracking;
    private final Map<Row, Integer> noted = new HashMap<>();
    private final Map<Row, Integer> read = new HashMap<>();
    private volatile boolean anyNoted;
    private volatile boolean anyRead;
    private volatile @Nullable Row last;

    InputQueue(long limit) {
        this.limit = limit;
    }

    /** From the bus subscription's thread. */
    @Override
    public void onSamples(SampleBatch batch) {
        synchronized (this) {
            while (!closed && samples > limit) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (closed) {
                return;
            }
            batches.addLast(batch);
            samples += batch.size();
            if (tracking) {
                note(batch);
            }
            last = Row.of(batch, batch.size() - 1);
            notifyAll();
        }
    }

    /** The last row delivered so far: once it is stored, everything the run was sent before is stored. */
    @Nullable Row lastDelivered() {
        return last;
    }

    /**
     * The next batch, waiting up to {@code millis}; null when none came, or when {@link #wake()} was
     * called meanwhile.
     */
    synchronized @Nullable SampleBatch poll(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (batches.isEmpty() && !woken && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        woken = false;
        SampleBatch b = batches.pollFirst();
        if (b != null) {
            samples -= b.size();
            notifyAll();
        } else if (!tracking) {
            // Every row noted while tracking has been handled: nothing read remains to be matched.
            forgetRead();
        }
        return b;
    }

    /** Puts a batch back at the head, to be handled again after a recompute. */
    synchronized void pushFront(SampleBatch batch) {
        batches.addFirst(batch);
        samples += batch.size();
        if (tracking) {
            note(batch);
        }
    }

    /** Makes a waiting {@link #poll} return, so that the model's thread looks at its requests. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Notes every queued row, and every row queued from now on, until {@link #stopTracking()}. */
    synchronized void startTracking() {
        tracking = true;
        for (SampleBatch b : batches) {
            note(b);
        }
    }

    /** Stops noting rows; rows already read from history stay marked until they are reached. */
    synchronized void stopTracking() {
        tracking = false;
        noted.clear();
        anyNoted = false;
    }

    /** Called for each row fed to the run from history: if the row waits in the queue too, marks it. */
    void markRead(PointPath point, long micros) {
        if (!anyNoted) {
            return;
        }
        synchronized (this) {
            Row row = new Row(point, micros);
            Integer n = noted.get(row);
            if (n != null) {
                if (n == 1) {
                    noted.remove(row);
                } else {
                    noted.put(row, n - 1);
                }
                read.merge(row, 1, Integer::sum);
                anyRead = true;
            }
        }
    }

    /** How many times a queued row was fed from history already and not yet dropped; usually 0. */
    int readCount(Row row) {
        if (!anyRead) {
            return 0;
        }
        synchronized (this) {
            return read.getOrDefault(row, 0);
        }
    }

    /** Unmarks one read of a row: it is being dropped. */
    synchronized void takeRead(Row row) {
        Integer n = read.get(row);
        if (n == null) {
            return;
        }
        if (n == 1) {
            read.remove(row);
            anyRead = !read.isEmpty();
        } else {
            read.put(row, n - 1);
        }
    }

    /** Forgets the rows marked read: the run they were fed to was discarded. */
    synchronized void forgetRead() {
        read.clear();
        anyRead = false;
    }

    /** The batch at the head, without waiting; null when there is none. */
    synchronized @Nullable SampleBatch takeFront() {
        SampleBatch b = batches.pollFirst();
        if (b != null) {
            samples -= b.size();
            notifyAll();
        }
        return b;
    }

    /** Samples queued now. */
    synchronized long size() {
        return samples;
    }

    /** Drops everything and lets a waiting subscription thread go. */
    synchronized void close() {
        closed = true;
        batches.clear();
        samples = 0;
        notifyAll();
    }

    private void note(SampleBatch b) {
        for (int i = 0; i < b.size(); i++) {
            noted.merge(Row.of(b, i), 1, Integer::sum);
        }
        anyNoted = !noted.isEmpty();
    }
}
