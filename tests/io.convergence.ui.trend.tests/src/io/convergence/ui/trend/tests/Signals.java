package io.convergence.ui.trend.tests;

import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

/** Test data that looks like a plant: a vibration with a slow drift, noise, bursts and a spike. */
final class Signals {

    private Signals() {
    }

    /** The vibration value at sample {@code i} of {@code n}. */
    static double vibration(int i, int n, java.util.Random noise) {
        double x = (double) i / n;
        double base = 2.2 + 0.8 * x + 0.35 * Math.sin(2 * Math.PI * 7 * x);
        double burst = Math.abs(Math.sin(2 * Math.PI * 3.3 * x)) > 0.97 ? 1.6 : 0;
        return base + burst + 0.25 * noise.nextGaussian();
    }

    /**
     * {@code n} vibration samples ending at {@code end}, {@code stepMicros} apart, with gap markers
     * (bad quality, no value) for the samples in {@code [gapFrom, gapTo)} by index and a spike at
     * {@code spike}.
     */
    static SampleBatch vibration(PointPath p, int n, long end, long stepMicros, int gapFrom, int gapTo, int spike,
                                 double[] values) {
        java.util.Random noise = new java.util.Random(42);
        SampleBatch.Builder b = SampleBatch.builder(n);
        long start = end - (long) n * stepMicros;
        for (int i = 0; i < n; i++) {
            long t = start + i * stepMicros;
            double v = i == spike ? 9.5 : vibration(i, n, noise);
            if (i >= gapFrom && i < gapTo) {
                b.addGap(p, t);
                values[i] = Double.NaN;
            } else {
                b.add(p, t, v, Quality.GOOD);
                values[i] = v;
            }
        }
        return b.build();
    }
}
