package com.example.partner.model.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The samples of one window, summed up. Sums are exact (a double converts to a BigDecimal without
 * rounding), so they do not depend on the order of the samples: a live run gets the samples of
 * different points in the order they arrive, a replay in the order of their times, and both must
 * give the same figures to the last bit. Mean and deviation are rounded once, at the end.
 */
final class Window {

    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal squares = BigDecimal.ZERO;

    void add(double v) {
        count++;
        min = Math.min(min, v);
        max = Math.max(max, v);
        BigDecimal x = new BigDecimal(v);
        sum = sum.add(x);
        squares = squares.add(x.multiply(x));
    }

    long count() {
        return count;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    double mean() {
        return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
    }

    /** The population standard deviation: sqrt((n·Σx² − (Σx)²) / n²), exact up to the last division. */
    double stddev() {
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal spread = n.multiply(squares).subtract(sum.multiply(sum));
        double variance = spread.divide(n.multiply(n), MathContext.DECIMAL128).doubleValue();
        return Math.sqrt(Math.max(0, variance));
    }

    void write(DataOutput o) throws IOException {
        o.writeLong(count);
        o.writeDouble(min);
        o.writeDouble(max);
        writeExact(o, sum);
        writeExact(o, squares);
    }

    static Window read(DataInput in) throws IOException {
        Window w = new Window();
        w.count = in.readLong();
        w.min = in.readDouble();
        w.max = in.readDouble();
        w.sum = readExact(in);
        w.squares = readExact(in);
        return w;
    }

    private static void writeExact(DataOutput o, BigDecimal d) throws IOException {
        byte[] unscaled = d.unscaledValue().toByteArray();
        o.writeInt(d.scale());
        o.writeInt(unscaled.length);
        o.write(unscaled);
    }

    private static BigDecimal readExact(DataInput in) throws IOException {
        int scale = in.readInt();
        int n = in.readInt();
        if (n < 1 || n > 1 << 20) {
            throw new IOException("a number of " + n + " bytes");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new BigDecimal(new BigInteger(b), scale);
    }
}
