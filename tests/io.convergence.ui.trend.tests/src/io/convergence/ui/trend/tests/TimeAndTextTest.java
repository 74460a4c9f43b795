package io.convergence.ui.trend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.ui.trend.internal.model.TimeFormats;
import io.convergence.ui.trend.internal.model.TimeTicks;
import io.convergence.ui.trend.internal.model.TimeWindow;

import org.junit.jupiter.api.Test;

/** Time ticks at round local times, time parsing, and the Add point filter. */
class TimeAndTextTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void ticksFallOnRoundLocalTimesWithRoomForLabels() {
        long from = micros(LocalDateTime.of(2026, 11, 26, 10, 3, 17));
        TimeWindow w = new TimeWindow(from, from + 15 * 60_000_000L);
        List<TimeTicks.Tick> ticks = TimeTicks.ticks(w, 1000, 90, PARIS);
        assertTrue(ticks.size() >= 5 && ticks.size() <= 11, ticks.toString());
        assertEquals("10:04", ticks.get(0).label(), "first round time after 10:03:17 with a 2 minute step");
        long step = ticks.get(1).time() - ticks.get(0).time();
        assertEquals(120_000_000L, step, "at most 11 labels of 90 px on 1000 px");

        TimeWindow week = new TimeWindow(from, from + 7 * 86_400_000_000L);
        List<TimeTicks.Tick> days = TimeTicks.ticks(week, 1000, 90, PARIS);
        assertEquals("27 Nov", days.get(0).label(), "daily ticks at local midnight, labelled with the date");
        assertEquals(0, LocalDateTime.ofEpochSecond(days.get(0).time() / 1_000_000, 0,
            PARIS.getRules().getOffset(java.time.Instant.ofEpochSecond(days.get(0).time() / 1_000_000))).getHour());

        TimeWindow crossing = new TimeWindow(micros(LocalDateTime.of(2026, 11, 26, 20, 0)),
            micros(LocalDateTime.of(2026, 11, 27, 4, 0)));
        assertTrue(TimeTicks.ticks(crossing, 1000, 90, PARIS).stream()
            .anyMatch(t -> t.major() && t.label().equals("27 Nov")), "midnight is marked with the date");

        assertEquals(1_000L, TimeTicks.step(5_000, 1000, 90), "milliseconds when zoomed far in");
    }

    @Test
    void customTimesParseInLocalTime() {
        long t = micros(LocalDateTime.of(2026, 11, 26, 10, 3, 17));
        assertEquals(t, TimeFormats.parse("2026-11-26 10:03:17", PARIS));
        assertEquals(t - 17_000_000L, TimeFormats.parse(" 2026-11-26T10:03 ", PARIS));
        assertNull(TimeFormats.parse("yesterday", PARIS));
        assertEquals("2026-11-26 10:03:17", TimeFormats.format(t, PARIS));
        assertEquals("2026-11-26 10:03:17 \u2013 10:18:17", TimeFormats.window(new TimeWindow(t, t + 900_000_000L), PARIS));
    }

    static PointInfo info(String path, DataType type, String unit, String description) {
        return new PointInfo(PointPath.parse(path), type, unit, description, "test", null);
    }

    static long micros(LocalDateTime t) {
        return t.atZone(PARIS).toInstant().toEpochMilli() * 1000;
    }

    static long utc(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC).toEpochMilli() * 1000;
    }
}
