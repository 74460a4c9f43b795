package io.convergence.analytics.cost.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Energy from recorded kWh meters of two machines of the line, at the tariff in force: the worked
 * example's shift A, with energy (docs/analytics/cost.md).
 */
class EnergyCostTest {

    @TempDir
    Path dir;

    @Test
    void energyOfTheLinesMetersAtTheTariffInForce() throws Exception {
        CostModelTest example = new CostModelTest();
        example.plant();
        example.tariff();
        PointPath line = CostModelTest.LINE;
        try (TestHistorian h = new TestHistorian(dir)) {
            SampleBatch.Builder b = SampleBatch.builder(16);
            meter(b, line.child("filler").child("energy"), "06:00", 1_000);
            meter(b, line.child("filler").child("energy"), "07:00", 1_040);
            meter(b, line.child("filler").child("energy"), "13:00", 1_340);
            meter(b, line.child("filler").child("energy"), "14:00", 1_400); // the next shift's
            meter(b, line.child("capper").child("energy"), "06:00", 500);
            meter(b, line.child("capper").child("energy"), "13:00", 560);
            meter(b, line.child("filler").child("power"), "06:30", 55); // not a meter
            meter(b, PointPath.parse("acme/test/line10/filler/energy"), "06:30", 10); // another line's
            meter(b, PointPath.parse("acme/test/line10/filler/energy"), "07:30", 99);
            h.historian.append(b.build());

            CostModel m = new CostModel(example.oee(), example.book(), new HistorianEnergy(h.historian, "energy"),
                Clock.fixed(CostModelTest.t("23:00"), ZoneOffset.UTC));
            CostFigures a = m.costs(line, Period.SHIFT, CostModelTest.t("06:00"), CostModelTest.t("06:01")).get(0);
            // filler: 40 kWh used 06:00-07:00 off-peak (0.10) + 300 kWh 07:00-13:00 peak (0.20); capper 60 kWh from 06:00
            assertEquals(400, a.energyKwh(), 1e-9);
            assertEquals(40 * 0.10 + 300 * 0.20 + 60 * 0.10, a.energyCost(), 1e-9);
            assertEquals((8 * 360 + 300.0 + 70.0) / 178_500, a.costPerGoodUnit(), 1e-12);
        }
    }

    private static void meter(SampleBatch.Builder b, PointPath p, String hm, double kwh) {
        Instant t = CostModelTest.t(hm);
        b.add(p, t.getEpochSecond() * 1_000_000, kwh, Quality.GOOD);
    }
}
