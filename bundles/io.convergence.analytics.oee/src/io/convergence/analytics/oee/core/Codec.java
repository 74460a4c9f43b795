package io.convergence.analytics.oee.core;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/** Small helpers of the checkpoint format. */
final class Codec {

    private Codec() {
    }

    static void writeNullable(DataOutput o, @Nullable String s) throws IOException {
        o.writeBoolean(s != null);
        if (s != null) {
            o.writeUTF(s);
        }
    }

    static @Nullable String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
