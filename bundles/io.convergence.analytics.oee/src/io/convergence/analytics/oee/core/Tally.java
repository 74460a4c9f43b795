package io.convergence.analytics.oee.core;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

import io.convergence.api.oee.Definition;
import io.convergence.api.oee.Losses;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * What one period (a shift, an hour, an order) has seen so far: times in microseconds by what the
 * line did, and counter deltas, plain and weighted by the ideal cycle time in force when they were
 * counted. Times are whole microseconds and weights are added in the order of the events, which is
 * the same live and in a replay: the figures are exact, not merely close.
 */
final class Tally {

    final Period period;
    final long start;
    long end;
    final @Nullable String shift;
    @Nullable String order;
    @Nullable String product;
    /** The product changed within the period: no single product to report. */
    boolean mixed;

    /** Production time running. */
    long run;
    /** Production time in stops shorter than the micro-stop limit, or of a performance reason. */
    long micro;
    /** Production time in stops longer than the limit that are not setups. */
    long breakdown;
    /** Production time in changeover and adjustment stops. */
    long setup;
    /** Production time in the running stop, not yet classified (counted as breakdown until it is). */
    long pending;

    /** Counter deltas: total, good, reject; of those, counted during start-up. */
    long total;
    long good;
    long reject;
    long startTotal;
    long startGood;
    long startReject;
    /** The same, times the ideal cycle time in seconds. */
    double iTotal;
    double iGood;
    double iReject;
    double iStartTotal;
    double iStartGood;
    double iStartReject;

    Tally(Period period, long start, long end, @Nullable String shift, @Nullable String order, @Nullable String product) {
        this.period = period;
        this.start = start;
        this.end = end;
        this.shift = shift;
        this.order = order;
        this.product = product;
    }

    void count(int which, long delta, double ideal, boolean startup) {
        double w = delta * ideal;
        switch (which) {
            case LineEngine.TOTAL -> {
                total += delta;
                iTotal += w;
                if (startup) {
                    startTotal += delta;
                    iStartTotal += w;
                }
            }
            case LineEngine.GOOD -> {
                good += delta;
                iGood += w;
                if (startup) {
                    startGood += delta;
                    iStartGood += w;
                }
            }
            default -> {
                reject += delta;
                iReject += w;
                if (startup) {
                    startReject += delta;
                    iStartReject += w;
                }
            }
        }
    }

    /** Moves the running stop's pending time to where its classification puts it. */
    void classify(int kind) {
        switch (kind) {
            case StopTrack.MICRO -> micro += pending;
            case StopTrack.SETUP -> setup += pending;
            default -> breakdown += pending;
        }
        pending = 0;
    }

    /**
     * The figures up to {@code to}.
     *
     * @param counters which counters the line has: bits of {@link LineEngine#TOTAL}, GOOD, REJECT
     */
    OeeFigures figures(PointPath line, Definition definition, int counters, long to, boolean complete) {
        boolean hasT = (counters & (1 << LineEngine.TOTAL)) != 0;
        boolean hasG = (counters & (1 << LineEngine.GOOD)) != 0;
        long t = hasT ? total : good + reject;
        long g = hasG ? good : total - reject;
        double it = hasT ? iTotal : iGood + iReject;
        double ig = hasG ? iGood : iTotal - iReject;
        double ist = hasT ? iStartTotal : iStartGood + iStartReject;
        double isg = hasG ? iStartGood : iStartTotal - iStartReject;
        double runS = seconds(run + micro);
        double setupS = seconds(setup);
        double plannedS = seconds(run + micro + breakdown + setup + pending);
        double base = definition == Definition.ISO22400 ? plannedS - setupS : plannedS;
        double availability = base > 0 ? runS / base : 0;
        double performance = runS > 0 ? it / runS : 0;
        double quality = t > 0 ? (double) g / t : 1;
        double startupRejects = ist - isg;
        Losses losses = new Losses(seconds(breakdown + pending), setupS, seconds(micro), seconds(run) - it,
            startupRejects, (it - ig) - startupRejects);
        return new OeeFigures(line, period, Micros.toInstant(start), Micros.toInstant(Math.min(to, end)), complete,
            shift, order, mixed ? null : product, definition, plannedS, runS, t > 0 ? it / t : 0, t, g, availability,
            performance, quality, availability * performance * quality, losses);
    }

    private static double seconds(long micros) {
        return micros / (double) Micros.PER_SECOND;
    }

    static Instant instant(long micros) {
        return Micros.toInstant(micros);
    }

    void write(DataOutput o) throws IOException {
        o.writeByte(period.ordinal());
        o.writeLong(start);
        o.writeLong(end);
        Codec.writeNullable(o, shift);
        Codec.writeNullable(o, order);
        Codec.writeNullable(o, product);
        o.writeBoolean(mixed);
        for (long v : new long[] {run, micro, breakdown, setup, pending, total, good, reject, startTotal, startGood,
            startReject}) {
            o.writeLong(v);
        }
        for (double v : new double[] {iTotal, iGood, iReject, iStartTotal, iStartGood, iStartReject}) {
            o.writeDouble(v);
        }
    }

    static Tally read(DataInput in) throws IOException {
        int p = in.readByte();
        if (p < 0 || p >= Period.values().length) {
            throw new IOException("period kind " + p);
        }
        Tally t = new Tally(Period.values()[p], in.readLong(), in.readLong(), Codec.readNullable(in),
            Codec.readNullable(in), Codec.readNullable(in));
        t.mixed = in.readBoolean();
        t.run = in.readLong();
        t.micro = in.readLong();
        t.breakdown = in.readLong();
        t.setup = in.readLong();
        t.pending = in.readLong();
        t.total = in.readLong();
        t.good = in.readLong();
        t.reject = in.readLong();
        t.startTotal = in.readLong();
        t.startGood = in.readLong();
        t.startReject = in.readLong();
        t.iTotal = in.readDouble();
        t.iGood = in.readDouble();
        t.iReject = in.readDouble();
        t.iStartTotal = in.readDouble();
        t.iStartGood = in.readDouble();
        t.iStartReject = in.readDouble();
        return t;
    }
}
