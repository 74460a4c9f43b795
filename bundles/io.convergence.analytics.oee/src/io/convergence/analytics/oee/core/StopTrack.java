package io.convergence.analytics.oee.core;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/** The stop running now: from the state leaving running to it entering running again. */
final class StopTrack {

    static final int UNCLASSIFIED = -1;
    static final int BREAKDOWN = 0;
    static final int SETUP = 1;
    static final int MICRO = 2;

    final long start;
    final @Nullable String reason;
    final String text;
    final boolean corrected;
    final boolean setup;
    final boolean performance;
    final boolean plannedReason;
    final long splitAt;
    int kind = UNCLASSIFIED;
    /** Whether any of it lay in planned production time (else it is a planned stop). */
    boolean production;

    StopTrack(long start, @Nullable String reason, String text, boolean corrected, boolean setup, boolean performance,
              boolean plannedReason, long splitAt) {
        this.start = start;
        this.reason = reason;
        this.text = text;
        this.corrected = corrected;
        this.setup = setup;
        this.performance = performance;
        this.plannedReason = plannedReason;
        this.splitAt = splitAt;
    }

    /** What a stop of this length is, once it is long enough (or over). */
    int classify(boolean ended, long length, long microLimit) {
        if (performance || (ended && length < microLimit)) {
            return MICRO;
        }
        return setup ? SETUP : BREAKDOWN;
    }

    void write(DataOutput o) throws IOException {
        o.writeLong(start);
        Codec.writeNullable(o, reason);
        o.writeUTF(text);
        o.writeBoolean(corrected);
        o.writeBoolean(setup);
        o.writeBoolean(performance);
        o.writeBoolean(plannedReason);
        o.writeLong(splitAt);
        o.writeInt(kind);
        o.writeBoolean(production);
    }

    static StopTrack read(DataInput in) throws IOException {
        StopTrack s = new StopTrack(in.readLong(), Codec.readNullable(in), in.readUTF(), in.readBoolean(),
            in.readBoolean(), in.readBoolean(), in.readBoolean(), in.readLong());
        s.kind = in.readInt();
        s.production = in.readBoolean();
        return s;
    }
}
