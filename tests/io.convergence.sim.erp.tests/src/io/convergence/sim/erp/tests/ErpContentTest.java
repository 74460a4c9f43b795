package io.convergence.sim.erp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.Shift;
import io.convergence.api.business.TariffPeriod;
import io.convergence.sim.erp.internal.model.MasterData;
import io.convergence.sim.erp.internal.model.OrderBook;
import io.convergence.sim.erp.internal.model.Scheduler;
import io.convergence.sim.erp.internal.model.ShiftCalendar;
import io.convergence.sim.erp.internal.model.Tariffs;

import org.junit.jupiter.api.Test;

/** What the simulated ERP holds, generated without a database: deterministic, and as documented. */
class ErpContentTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theSameSeedGivesTheSameContentAndAnotherSeedOtherContent() {
        assertEquals(MasterData.products(42), MasterData.products(42));
        assertEquals(MasterData.line(42), MasterData.line(42));
        assertNotEquals(MasterData.products(42), MasterData.products(7));
        LocalDate day = LocalDate.of(2026, 11, 4);
        assertEquals(ShiftCalendar.day(42, day, PARIS), ShiftCalendar.day(42, day, PARIS));
        assertEquals(Tariffs.day(42, day, PARIS), Tariffs.day(42, day, PARIS));
        assertEquals(orders(42, 60), orders(42, 60));
        assertNotEquals(orders(42, 60), orders(7, 60));
    }

    @Test
    void ordersAreWhatTheLineCanMakeAndSometimesRepeatTheProduct() {
        for (Product p : MasterData.products(42)) {
            double perMinute = 60 / p.idealCycleSeconds();
            assertTrue(perMinute <= MasterData.fillerRatedPerMinute() * 1.2,
                p.id() + ": the filler reaches " + perMinute + " bottles a minute");
            assertTrue(p.price() > p.unitCost(), p.id() + " sells above its cost");
            assertTrue(p.changeoverSeconds() >= 600 && p.changeoverSeconds() <= 1500, p.id() + " changeover");
        }
        List<OrderBook.NewOrder> orders = orders(42, 300);
        long repeats = 0;
        for (int i = 1; i < orders.size(); i++) {
            if (orders.get(i).productId().equals(orders.get(i - 1).productId())) {
                repeats++;
            }
        }
        assertTrue(repeats > 70 && repeats < 130, "about a third of the orders repeat the product: " + repeats);
        assertTrue(orders.stream().allMatch(o -> o.quantity() >= 6000 && o.quantity() <= 30_000));
        long tight = orders.stream().filter(o -> o.dueSlack().compareTo(Duration.ofMinutes(30)) <= 0).count();
        assertTrue(tight > 20 && tight < 70, "about one order in seven has a tight due date: " + tight);
        assertEquals("PO-100001", orders.get(0).id());
    }

    @Test
    void weekdaysHaveThreeEightHourShiftsEachWithABreakInside() {
        LocalDate wednesday = LocalDate.of(2026, 11, 4);
        ShiftCalendar.Day d = ShiftCalendar.day(42, wednesday, PARIS);
        assertEquals(List.of("A", "B", "C"), d.shifts().stream().map(Shift::name).toList());
        Shift a = d.shifts().get(0);
        Shift b = d.shifts().get(1);
        Shift c = d.shifts().get(2);
        assertEquals(ZonedDateTime.of(wednesday, LocalTime.of(6, 0), PARIS).toInstant(), a.start());
        assertEquals(a.end(), b.start());
        assertEquals(b.end(), c.start());
        assertEquals(ZonedDateTime.of(wednesday.plusDays(1), LocalTime.of(6, 0), PARIS).toInstant(), c.end());
        for (Shift s : d.shifts()) {
            assertEquals(Duration.ofHours(8), s.duration(), s.id());
            List<PlannedStop> breaks = d.stops().stream()
                .filter(p -> p.kind() == PlannedStop.Kind.BREAK && p.overlaps(s.start(), s.end())).toList();
            assertEquals(1, breaks.size(), s.id() + " has one break");
            assertTrue(s.contains(breaks.get(0).start()) && !breaks.get(0).end().isAfter(s.end()), "inside " + s.id());
            assertEquals(Duration.ofMinutes(30), breaks.get(0).duration());
            assertEquals("10", breaks.get(0).reasonCode());
        }
    }

    @Test
    void weekendsHaveTwoTwelveHourShiftsAndTheNightOfSummerTimeIsAnHourShorter() {
        LocalDate saturday = LocalDate.of(2026, 3, 28);
        ShiftCalendar.Day d = ShiftCalendar.day(42, saturday, PARIS);
        assertEquals(List.of("D", "N"), d.shifts().stream().map(Shift::name).toList());
        assertEquals(Duration.ofHours(12), d.shifts().get(0).duration());
        assertEquals(Duration.ofHours(11), d.shifts().get(1).duration(), "clocks go forward on 29 March 2026");
        assertEquals(4, d.stops().size(), "two 20-minute breaks a shift");
        assertTrue(d.stops().stream().allMatch(s -> s.duration().equals(Duration.ofMinutes(20))));
    }

    @Test
    void plannedMaintenanceTakesTwoHoursOnOneWeekdayAWeek() {
        LocalDate monday = LocalDate.of(2026, 11, 2);
        for (int week = 0; week < 8; week++) {
            List<PlannedStop> pm = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate day = monday.plusWeeks(week).plusDays(i);
                ShiftCalendar.day(42, day, PARIS).stops().stream()
                    .filter(s -> s.kind() == PlannedStop.Kind.MAINTENANCE).forEach(pm::add);
            }
            assertEquals(1, pm.size(), "week " + week);
            ZonedDateTime start = pm.get(0).start().atZone(PARIS);
            assertTrue(start.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue());
            assertEquals(LocalTime.of(6, 0), start.toLocalTime());
            assertEquals(Duration.ofHours(2), pm.get(0).duration());
            assertEquals("11", pm.get(0).reasonCode());
        }
    }

    @Test
    void theTariffCoversEveryDayWithPeakHoursOnWeekdaysOnly() {
        for (int i = 0; i < 7; i++) {
            LocalDate day = LocalDate.of(2026, 11, 2).plusDays(i);
            List<TariffPeriod> periods = Tariffs.day(42, day, PARIS);
            assertEquals(day.atStartOfDay(PARIS).toInstant(), periods.get(0).start());
            assertEquals(day.plusDays(1).atStartOfDay(PARIS).toInstant(), periods.get(periods.size() - 1).end());
            for (int k = 1; k < periods.size(); k++) {
                assertEquals(periods.get(k - 1).end(), periods.get(k).start(), "no gap on " + day);
            }
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            assertEquals(!weekend, periods.stream().anyMatch(p -> p.name().equals("peak")), day.toString());
            double peak = periods.stream().filter(p -> p.name().equals("peak")).mapToDouble(TariffPeriod::pricePerKwh)
                .max().orElse(0);
            double offPeak = periods.stream().filter(p -> p.name().equals("off-peak")).mapToDouble(TariffPeriod::pricePerKwh)
                .max().orElseThrow();
            assertTrue(weekend || peak > offPeak, "peak hours cost more");
        }
    }

    @Test
    void theSchedulerPlansOrdersBackToBackAroundPlannedStops() {
        Instant nine50 = Instant.parse("2026-11-04T09:50:00Z");
        PlannedStop brk = new PlannedStop("b", null, PlannedStop.Kind.BREAK, "10", Instant.parse("2026-11-04T10:00:00Z"),
            Instant.parse("2026-11-04T10:30:00Z"), "");
        Product water = new Product("W", "water", "bottle", 0.1, 600, 0.1, 0.2, "EUR");
        Product soda = new Product("S", "soda", "bottle", 0.085, 900, 0.1, 0.2, "EUR");
        Map<String, Product> products = List.of(water, soda).stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));
        Scheduler s = new Scheduler(List.of(brk), products);
        List<Scheduler.Slot> slots = s.schedule(List.of(new Scheduler.Job("1", "W", 6000), new Scheduler.Job("2", "W", 1700),
            new Scheduler.Job("3", "S", 1000)), nine50, "W");
        // 6000 x 0.1 s / 0.85 = 705.88 s of production: 600 s before the break, the rest after it.
        assertEquals(nine50, slots.get(0).start());
        assertEquals(Instant.parse("2026-11-04T10:30:00Z").plusNanos(Math.round((6000 * 0.1 / 0.85 - 600) * 1e9)),
            slots.get(0).end());
        assertEquals(slots.get(0).end(), slots.get(1).start(), "the same product: no changeover");
        assertEquals(200, Duration.between(slots.get(1).start(), slots.get(1).end()).toMillis() / 1000.0, 0.001);
        assertEquals(slots.get(1).end(), slots.get(2).start());
        assertEquals(900 + 1000 * 0.085 / 0.85, Duration.between(slots.get(2).start(), slots.get(2).end()).toNanos() / 1e9,
            1e-6, "a changeover to soda, then 1000 bottles");
        assertEquals(Instant.parse("2026-11-04T10:30:00Z"),
            s.schedule(List.of(new Scheduler.Job("4", "W", 100)), Instant.parse("2026-11-04T10:10:00Z"), "W").get(0).start(),
            "an order planned in a break starts after it");
    }

    private static List<OrderBook.NewOrder> orders(long seed, int count) {
        List<Product> products = MasterData.products(seed);
        List<OrderBook.NewOrder> out = new ArrayList<>();
        String last = null;
        for (int n = 1; n <= count; n++) {
            OrderBook.NewOrder o = OrderBook.order(seed, n, last, products);
            out.add(o);
            last = o.productId();
        }
        return out;
    }
}
