package io.convergence.analytics.oee.core;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import io.convergence.api.point.Micros;

import org.jspecify.annotations.Nullable;

/**
 * What a run remembers of the recent past so that a recompute can start where the live run stood:
 * the engine's state at the start of every shift and order of the last {@value #DAYS} days, and the
 * orders' windows (a recompute of a time inside an order starts at the order's start, so that the
 * order's figures come out whole). Thread-safe: the model reads it to answer where a recompute starts.
 */
public final class RunMemory {

    static final int DAYS = 8;
    private static final long KEEP = DAYS * 86_400L * Micros.PER_SECOND;
    private static final int MAX_SNAPSHOTS = 5_000;

    private final TreeMap<Long, byte[]> snapshots = new TreeMap<>();
    /** Order starts to their ends ({@link Long#MAX_VALUE} while running). */
    private final TreeMap<Long, Long> orders = new TreeMap<>();

    synchronized void snapshot(long t, byte[] state) {
        snapshots.put(t, state);
        while (!snapshots.isEmpty() && (snapshots.firstKey() < t - KEEP || snapshots.size() > MAX_SNAPSHOTS)) {
            snapshots.pollFirstEntry();
        }
    }

    synchronized void orderStarted(long t) {
        orders.put(t, Long.MAX_VALUE);
        while (!orders.isEmpty() && orders.firstKey() < t - KEEP) {
            orders.pollFirstEntry();
        }
    }

    synchronized void orderEnded(long start, long end) {
        orders.put(start, end);
    }

    /** The engine's state at {@code t}, if a run took one then. */
    public synchronized byte @Nullable [] snapshotAt(long t) {
        return snapshots.get(t);
    }

    /** The start of the order the line ran at {@code t}, if it is remembered. */
    public synchronized @Nullable Long orderStartAt(long t) {
        Map.Entry<Long, Long> e = orders.floorEntry(t);
        return e != null && e.getValue() > t ? e.getKey() : null;
    }

    /** A copy of what lies before {@code t} (inclusive): what a run recomputing from {@code t} starts with. */
    public synchronized RunMemory upTo(long t) {
        RunMemory m = new RunMemory();
        m.snapshots.putAll(snapshots.headMap(t, true));
        for (Map.Entry<Long, Long> e : orders.headMap(t, false).entrySet()) {
            // An order running at t is, for the recomputing run, running still: it ends it itself.
            m.orders.put(e.getKey(), e.getValue() > t ? Long.MAX_VALUE : e.getValue());
        }
        return m;
    }

    synchronized void write(DataOutput o) throws IOException {
        o.writeInt(snapshots.size());
        for (Map.Entry<Long, byte[]> e : snapshots.entrySet()) {
            o.writeLong(e.getKey());
            o.writeInt(e.getValue().length);
            o.write(e.getValue());
        }
        o.writeInt(orders.size());
        for (Map.Entry<Long, Long> e : orders.entrySet()) {
            o.writeLong(e.getKey());
            o.writeLong(e.getValue());
        }
    }

    synchronized void read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_SNAPSHOTS) {
            throw new IOException(n + " snapshots");
        }
        for (int i = 0; i < n; i++) {
            long t = in.readLong();
            int len = in.readInt();
            if (len < 0 || len > 1 << 20) {
                throw new IOException("a snapshot of " + len + " bytes");
            }
            byte[] b = new byte[len];
            in.readFully(b);
            snapshots.put(t, b);
        }
        int m = in.readInt();
        if (m < 0 || m > 10_000_000) {
            throw new IOException(m + " orders");
        }
        for (int i = 0; i < m; i++) {
            orders.put(in.readLong(), in.readLong());
        }
    }
}
