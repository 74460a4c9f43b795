package io.convergence.analytics.cost.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.business.TariffPeriod;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.oee.OeeException;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

/**
 * The energy of a line from the recorded readings of its energy meters (kWh counters: the line's own,
 * or one per machine, summed). Used energy is the sum of the rises between successive readings inside
 * the range; a reading below the one before is a meter reset or replacement and counts from 0. Each
 * rise is priced at the tariff period in force at the earlier reading (the start of the interval it was
 * used in); time outside every tariff period is priced at 0.
 */
final class HistorianEnergy implements EnergyMeter {

    private static final int BATCH = 50_000;

    private final Historian historian;
    private final String pointName;

    HistorianEnergy(Historian historian, String pointName) {
        this.historian = historian;
        this.pointName = pointName;
    }

    /** The line's energy meters that the historian holds. */
    List<PointPath> meters(PointPath line) throws HistorianException {
        return historian.points().stream().map(PointSummary::point)
            .filter(p -> EnergyMeter.isMeterOf(p, line, pointName)).sorted().toList();
    }

    @Override
    public Energy use(LineBook book, Instant from, Instant to) throws OeeException {
        try {
            List<PointPath> meters = meters(book.line());
            if (meters.isEmpty() || !to.isAfter(from)) {
                return Energy.NONE;
            }
            List<TariffPeriod> tariff = book.erp().tariff(from, to);
            for (TariffPeriod t : tariff) {
                if (!t.currency().equalsIgnoreCase(book.currency())) {
                    throw new OeeException("tariff period " + t.id() + " is priced in " + t.currency() + " but work centre "
                        + book.workCenter().id() + " costs in " + book.currency() + ": the cost model does not convert currencies");
                }
            }
            Map<PointPath, double[]> last = new HashMap<>();
            double[] sum = new double[2];
            historian.read(meters, from, to, BATCH, batch -> add(batch, last, tariff, sum));
            return new Energy(sum[0], sum[1]);
        } catch (HistorianException e) {
            throw new OeeException("reading the energy meters of " + book.line() + ": " + e.getMessage(), e);
        }
    }

    private static void add(SampleBatch batch, Map<PointPath, double[]> last, List<TariffPeriod> tariff, double[] sum) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.isGap(i) || batch.text(i) != null) {
                continue;
            }
            double v = batch.number(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            double[] before = last.put(batch.point(i), new double[] {v, batch.timeMicros(i)});
            if (before == null) {
                continue;
            }
            double rise = v >= before[0] ? v - before[0] : v;
            sum[0] += rise;
            long micros = (long) before[1];
            sum[1] += rise * price(tariff, Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS));
        }
    }

    private static double price(List<TariffPeriod> tariff, Instant time) {
        for (TariffPeriod t : tariff) {
            if (t.contains(time)) {
                return t.pricePerKwh();
            }
        }
        return 0;
    }
}
