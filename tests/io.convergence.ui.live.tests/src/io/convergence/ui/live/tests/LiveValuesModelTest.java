package io.convergence.ui.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Quality;
import io.convergence.api.point.Sample;
import io.convergence.api.point.SampleBatch;
import io.convergence.ui.live.internal.LiveRow;
import io.convergence.ui.live.internal.LiveValuesModel;
import io.convergence.ui.live.internal.ValueFormat;

import org.junit.jupiter.api.Test;

/** The Live Values model without a display: latest sample per point, rows, styles, staleness, throttling. */
class LiveValuesModelTest {

    private static final String LINE = "acme/lyon/packaging/line1";
    private static final PointPath SPEED = PointPath.parse(LINE + "/filler/speed");
    private static final PointPath STATE = PointPath.parse(LINE + "/filler/state");
    private static final long T0 = Instant.parse("2026-03-02T08:15:30Z").toEpochMilli();

    private final AtomicLong now = new AtomicLong(T0);
    private final LiveValuesModel model = new LiveValuesModel(now::get, new ValueFormat(Locale.ROOT, ZoneOffset.UTC));

    private static PointInfo info(PointPath p, String unit, DataType type) {
        return new PointInfo(p, type, unit, "", "plant", null);
    }

    private static SampleBatch batch(PointPath p, long millis, Object value, Quality q) {
        return SampleBatch.builder(1).addValue(p, millis * 1_000, value, q).build();
    }

    @Test
    void rowShowsTheLatestValueWithUnitTimeAndAge() {
        model.add(SPEED, info(SPEED, "units/min", DataType.DOUBLE));
        LiveRow waiting = model.row(SPEED);
        assertEquals(LiveRow.Style.WAITING, waiting.style());
        assertEquals("\u2014", waiting.value());

        model.onSamples(batch(SPEED, T0 - 250, 118.23456, Quality.GOOD));
        now.addAndGet(2_400);
        model.refresh();
        LiveRow row = model.row(SPEED);
        assertEquals(new LiveRow(SPEED.toString(), "118.235", "units/min", "Good", "08:15:29.750", "2 s", LiveRow.Style.GOOD), row);
    }

    @Test
    void badAndUncertainStandOutAndNoUpdateForTenSecondsIsStale() {
        model.add(SPEED, null);
        model.onSamples(batch(SPEED, T0, 1.0, Quality.UNCERTAIN));
        model.refresh();
        assertEquals(LiveRow.Style.UNCERTAIN, model.row(SPEED).style());
        assertEquals("Uncertain", model.row(SPEED).quality());

        now.addAndGet(LiveValuesModel.STALE_AFTER_MS - 1);
        model.refresh();
        assertEquals(LiveRow.Style.UNCERTAIN, model.row(SPEED).style(), "9.999 s is not stale yet");
        now.addAndGet(1);
        model.refresh();
        assertEquals(LiveRow.Style.STALE, model.row(SPEED).style());
        assertEquals("Uncertain \u00b7 stale", model.row(SPEED).quality());

        model.onSamples(SampleBatch.builder(1).addGap(SPEED, now.get() * 1_000).build());
        model.refresh();
        assertEquals(new LiveRow(SPEED.toString(), "\u2014", "", "Bad", "08:15:40.000", "< 1 s", LiveRow.Style.BAD),
            model.row(SPEED), "a gap: bad, no value");
        now.addAndGet(60_000);
        model.refresh();
        assertEquals(LiveRow.Style.BAD, model.row(SPEED).style(), "bad stays red when it gets old");
        assertEquals("Bad \u00b7 stale", model.row(SPEED).quality());
        assertEquals("1 min", model.row(SPEED).age());
    }

    @Test
    void hundredThousandUpdatesCollapseIntoOneRedrawPerPoint() {
        List<PointPath> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PointPath p = PointPath.parse(LINE + "/sensors/s0000" + i);
            points.add(p);
            model.add(p, info(p, "bar", DataType.DOUBLE));
        }
        PointPath other = PointPath.parse(LINE + "/sensors/unchosen");
        model.refresh();
        for (int b = 0; b < 100; b++) {
            SampleBatch.Builder builder = SampleBatch.builder(1_001);
            for (int i = 0; i < 1_000; i++) {
                builder.add(points.get(i % 10), (T0 + b) * 1_000 + i, b * 1_000 + i, Quality.GOOD);
            }
            builder.add(other, T0 * 1_000, 1.0, Quality.GOOD);
            model.onSamples(builder.build());
        }
        List<PointPath> changed = model.refresh();
        assertEquals(points, changed, "each chosen point redraws once, in table order");
        assertEquals("99990", model.row(points.get(0)).value(), "the last of 10,000 updates of the point");
        assertEquals("99999", model.row(points.get(9)).value());
        assertEquals(List.of(), model.refresh(), "nothing new, nothing to redraw");
        assertEquals(List.of(), model.undescribed());
        assertEquals(points, model.points(), "an unchosen point is not added");
    }

    @Test
    void updatesFromAnotherThreadWhileTheViewRefreshesEndOnTheLastValue() throws Exception {
        model.add(SPEED, null);
        Thread bus = new Thread(() -> {
            for (int i = 1; i <= 100_000; i++) {
                model.onSamples(batch(SPEED, T0 + i, (double) i, Quality.GOOD));
            }
        }, "test-bus");
        bus.start();
        int redraws = 0;
        while (bus.isAlive()) {
            redraws += model.refresh().size();
        }
        bus.join();
        redraws += model.refresh().size();
        assertEquals("100000", model.row(SPEED).value());
        assertTrue(redraws <= 100_000, "never more redraws than updates: " + redraws);
    }

    @Test
    void valuesAreWrittenByTypeAndAgesAndTimesReadably() {
        ValueFormat f = new ValueFormat(Locale.ROOT, ZoneOffset.UTC);
        assertEquals("118.235", f.value(118.23456, DataType.DOUBLE));
        assertEquals("0", f.value(0.0, null));
        assertEquals("-3.5", f.value(-3.5, null));
        assertEquals("1.235E-4", f.value(0.00012346, DataType.DOUBLE));
        assertEquals("2.5E9", f.value(2.5e9, DataType.DOUBLE));
        assertEquals("42", f.value(42.0, DataType.INTEGER));
        assertEquals("true", f.value(1.0, DataType.BOOLEAN));
        assertEquals("running", f.value("running", DataType.STRING));
        assertEquals("\u2014", f.value(null, DataType.DOUBLE));
        assertEquals("< 1 s", f.age(999));
        assertEquals("59 s", f.age(59_999));
        assertEquals("2 min", f.age(150_000));
        assertEquals("3 h", f.age(3 * 3_600_000 + 5));
        assertEquals("2 d", f.age(2 * 86_400_000L));
        assertEquals("08:15:30.000", f.time(T0 * 1_000, T0 + 1_000));
        assertEquals("2026-03-01 23:59:59", f.time((Instant.parse("2026-03-01T23:59:59.500Z").toEpochMilli()) * 1_000, T0),
            "yesterday's values show the date");
    }

    @Test
    void aReadFromTheSourceNeverHidesANewerSampleFromTheBus() {
        model.add(STATE, info(STATE, "", DataType.STRING));
        model.onSamples(batch(STATE, T0, "running", Quality.GOOD));
        model.offer(new Sample(STATE, Instant.ofEpochMilli(T0 - 1_000), "idle", Quality.GOOD));
        model.refresh();
        assertEquals("running", model.row(STATE).value());
        model.offer(new Sample(STATE, Instant.ofEpochMilli(T0 + 1_000), "down", Quality.GOOD));
        model.refresh();
        assertEquals("down", model.row(STATE).value());
    }

    @Test
    void removedPointsForgetTheirValueAndChoicesRoundTripThroughPersistedText() {
        model.add(SPEED, null);
        model.add(STATE, null);
        model.onSamples(batch(SPEED, T0, 5.0, Quality.GOOD));
        model.remove(List.of(SPEED));
        assertEquals(List.of(STATE), model.points());
        model.add(SPEED, null);
        assertEquals(LiveRow.Style.WAITING, model.row(SPEED).style(), "re-added: waits for a new value");

        String text = LiveValuesModel.persist(model.points());
        assertEquals(STATE + "\n" + SPEED, text);
        assertEquals(List.of(STATE, SPEED), LiveValuesModel.restore(text + "\n\nnot//a path\n" + STATE));
        assertEquals(List.of(), LiveValuesModel.restore(null));
    }
}
