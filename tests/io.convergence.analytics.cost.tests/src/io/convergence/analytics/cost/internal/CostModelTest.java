package io.convergence.analytics.cost.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.TariffPeriod;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.ReasonCost;
import io.convergence.api.point.PointPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Costs computed by hand (docs/analytics/cost.md works the first case through): line rate 360 EUR/h
 * (0.10 EUR/s); product WATER ideal cycle 0.5 s, unit cost 0.20, price 0.50 (margin 0.30 a unit).
 */
class CostModelTest {

    static final PointPath LINE = PointPath.parse("acme/test/line9");
    static final double EPS = 1e-9;

    private Book book;
    private HandOee oee;

    @BeforeEach
    void plant() {
        book = new Book();
        book.workCenters.add(new WorkCenter("L9", "Line 9", LINE, 360, "EUR"));
        book.products.add(new Product("WATER", "Water", "bottle", 0.5, 900, 0.20, 0.50, "EUR"));
        book.products.add(new Product("TRIAL", "Trial drink, not for sale", "bottle", 0.5, 600, 0.25, 0, "EUR"));
        book.plannedStops.add(new PlannedStop("BRK-A", null, PlannedStop.Kind.BREAK, "10", t("10:00"), t("10:30"), ""));
        oee = new HandOee(LINE);
        // Shift A 06:00-14:00: 180,000 made, 178,500 good; a jam, a break, a bearing fault, a short stop,
        // and a material shortage across the shift change at 14:00.
        oee.period(Period.SHIFT, d("06:00"), d("14:00"), "A", null, "WATER", 0.5, 180_000, 178_500, true);
        oee.stop(d("07:00"), d("07:10"), "1", "jam", false);
        oee.stop(d("10:00"), d("10:30"), "10", "break", true);
        oee.stop(d("11:00"), d("11:25"), "3", "bearing fault", false);
        oee.stop(d("12:00"), d("12:00:30"), "0", "short stop", false);
        oee.stop(d("13:55"), d("14:05"), "2", "material shortage", false);
        // Order PO-1 12:00-16:00 across shifts A and B, a jam in B.
        oee.period(Period.ORDER, d("12:00"), d("16:00"), null, "PO-1", "WATER", 0.5, 27_300, 27_000, true);
        oee.stop(d("14:50"), d("15:00"), "1", "jam", false);
        oee.period(Period.SHIFT, d("14:00"), d("22:00"), "B", null, "WATER", 0.5, 100_500, 100_000, true);
        book.orders.add(new ProductionOrder("PO-0", "WATER", "L9", 150_000, t("12:00"), null, null, t("06:00"), t("12:00"),
            ProductionOrder.State.COMPLETED));
        book.orders.add(new ProductionOrder("PO-1", "WATER", "L9", 27_000, t("17:00"), null, null, t("12:00"), t("16:00"),
            ProductionOrder.State.COMPLETED));
    }

    static String d(String hm) {
        return "2026-11-04T" + (hm.length() == 5 ? hm + ":00" : hm) + "Z";
    }

    static Instant t(String hm) {
        return Instant.parse(d(hm));
    }

    private CostModel model(EnergyMeter energy) {
        return new CostModel(oee, book, energy, Clock.fixed(t("23:00"), ZoneOffset.UTC));
    }

    @Test
    void aShiftWithScrapAndStopsOfSeveralReasons() throws Exception {
        CostFigures a = model(EnergyMeter.NONE).costs(LINE, Period.SHIFT, t("06:00"), t("06:01")).get(0);
        assertEquals("A", a.shift());
        assertEquals("EUR", a.currency());
        assertEquals(1_500, a.rejectCount());
        assertEquals(300.00, a.scrapCost(), EPS, "1,500 rejects x 0.20");
        // unplanned: jam 600 s + bearing 1,500 s + short 30 s + the shortage's 300 s before 14:00; the break is planned
        assertEquals(243.00, a.downtimeCost(), EPS, "2,430 s x 0.10 EUR/s");
        assertEquals(1_458.00, a.lostMargin(), EPS, "2,430 s / 0.5 s = 4,860 bottles x 0.30");
        assertEquals(0, a.energyKwh(), "no energy point");
        assertEquals(0, a.energyCost());
        assertEquals((8 * 360 + 300.0) / 178_500, a.costPerGoodUnit(), EPS, "(8 h x 360 + scrap) / good");
    }

    @Test
    void theDowntimeParetoIsCostliestFirst() throws Exception {
        List<ReasonCost> pareto = model(EnergyMeter.NONE).downtimeByReason(LINE, t("06:00"), t("14:00"));
        assertEquals(List.of("3", "1", "2", "0"), pareto.stream().map(ReasonCost::reasonCode).toList(),
            "bearing 1,050 > jam 420 > shortage 210 > short stop 21; the break is not downtime");
        assertEquals(1_050.00, pareto.get(0).cost(), EPS, "1,500 s x 0.10 + 3,000 bottles x 0.30");
        assertEquals(420.00, pareto.get(1).cost(), EPS);
        assertEquals(300, pareto.get(2).seconds(), EPS, "only the shortage's part before 14:00");
        assertEquals(210.00, pareto.get(2).cost(), EPS);
        assertEquals(21.00, pareto.get(3).cost(), EPS);
        assertEquals("bearing fault", pareto.get(0).reasonText());
        assertEquals(io.convergence.api.business.LossCategory.PERFORMANCE, pareto.get(3).category());
        assertEquals(1, pareto.get(0).stops());
    }

    @Test
    void anOrderAcrossTwoShiftsCountsItsOwnStopsOnly() throws Exception {
        CostModel m = model(EnergyMeter.NONE);
        CostFigures order = m.costs(LINE, Period.ORDER, t("12:00"), t("16:00")).get(0);
        assertEquals("PO-1", order.order());
        assertEquals(60.00, order.scrapCost(), EPS, "300 rejects x 0.20");
        // short stop 30 s + shortage 600 s (both sides of 14:00) + jam 600 s in shift B
        assertEquals(123.00, order.downtimeCost(), EPS);
        assertEquals(738.00, order.lostMargin(), EPS);
        assertEquals((4 * 360 + 60.0) / 27_000, order.costPerGoodUnit(), EPS);
        List<CostFigures> shifts = m.costs(LINE, Period.SHIFT, t("12:00"), t("16:00"));
        assertEquals(List.of("A", "B"), shifts.stream().map(CostFigures::shift).toList());
        assertEquals(90.00, shifts.get(1).downtimeCost(), EPS, "shift B: the shortage's 300 s and the jam's 600 s");
        assertEquals(shifts.get(0).downtimeCost() + shifts.get(1).downtimeCost(), 243.00 + 90.00, EPS);
    }

    @Test
    void aProductWithoutPriceLosesNoMargin() throws Exception {
        oee.period(Period.SHIFT, d("22:00"), "2026-11-05T06:00:00Z", "C", null, "TRIAL", 0.5, 10_000, 9_000, true);
        oee.stop(d("23:00"), d("23:20"), "1", "jam", false);
        CostFigures c = model(EnergyMeter.NONE).costs(LINE, Period.SHIFT, t("22:00"), t("22:01")).get(0);
        assertEquals(250.00, c.scrapCost(), EPS, "1,000 rejects x 0.25: scrap costs whatever the price");
        assertEquals(120.00, c.downtimeCost(), EPS, "1,200 s x 0.10");
        assertEquals(0, c.lostMargin(), "no price, so no margin to lose");
        List<ReasonCost> pareto = model(EnergyMeter.NONE).downtimeByReason(LINE, t("22:00"), t("23:59"));
        assertEquals(120.00, pareto.get(0).cost(), EPS, "the stop's time only");
    }

    @Test
    void theCurrencyIsTheWorkCentresAndIsNeverMixed() throws Exception {
        book.workCenters.set(0, new WorkCenter("L9", "Line 9", LINE, 360, "CHF"));
        book.products.replaceAll(p -> new Product(p.id(), p.name(), p.unit(), p.idealCycleSeconds(), p.changeoverSeconds(),
            p.unitCost(), p.price(), "CHF"));
        CostModel m = model(EnergyMeter.NONE);
        assertEquals("CHF", m.costs(LINE, Period.SHIFT, t("06:00"), t("06:01")).get(0).currency());
        assertTrue(m.downtimeByReason(LINE, t("06:00"), t("14:00")).stream().allMatch(r -> r.currency().equals("CHF")));

        book.products.set(0, new Product("WATER", "Water", "bottle", 0.5, 900, 0.20, 0.50, "EUR"));
        OeeException e = assertThrows(OeeException.class, () -> m.costs(LINE, Period.SHIFT, t("06:00"), t("06:01")));
        assertTrue(e.getMessage().contains("WATER is priced in EUR but work centre L9")
            && e.getMessage().contains("costs in CHF"), e.getMessage());
    }

    @Test
    void aLineWithoutWorkCentreOrHoursIsRefusedClearly() {
        OeeException e = assertThrows(OeeException.class,
            () -> model(EnergyMeter.NONE).costs(PointPath.parse("acme/other/line"), Period.SHIFT, t("06:00"), t("07:00")));
        assertTrue(e.getMessage().contains("line acme/other/line has no work centre in the business source 'erp'"),
            e.getMessage());
        assertThrows(OeeException.class, () -> model(EnergyMeter.NONE).costs(LINE, Period.HOUR, t("06:00"), t("07:00")));
    }

    @Test
    void aForecastAtTheLastHoursRatePassesOverPlannedStops() throws Exception {
        HandOee live = new HandOee(LINE);
        oee = live;
        book.products.add(new Product("JUICE", "Juice", "bottle", 0.4, 900, 0.30, 0.70, "EUR"));
        book.plannedStops.clear();
        book.plannedStops.add(new PlannedStop("BRK-11", null, PlannedStop.Kind.BREAK, "10", t("11:00"), t("11:30"), ""));
        book.orders.add(new ProductionOrder("PO-2", "WATER", "L9", 30_000, t("13:00"), t("08:00"), t("12:00"), t("08:00"),
            null, ProductionOrder.State.RUNNING));
        book.orders.add(new ProductionOrder("PO-3", "JUICE", "L9", 9_000, t("15:00"), t("12:00"), t("14:00"), null, null,
            ProductionOrder.State.RELEASED));
        live.period(Period.ORDER, d("08:00"), d("10:20"), null, "PO-2", "WATER", 0.5, 14_100, 14_000, false);
        live.period(Period.HOUR, d("09:00"), d("10:00"), "A", null, "WATER", 0.5, 6_050, 6_000, true);
        live.period(Period.HOUR, d("10:00"), d("10:20"), "A", null, "WATER", 0.5, 2_420, 2_400, false);
        CostModel m = new CostModel(live, book, EnergyMeter.NONE, Clock.fixed(t("10:20"), ZoneOffset.UTC));

        List<OrderForecast> f = m.forecasts(LINE);
        assertEquals(List.of("PO-2", "PO-3"), f.stream().map(OrderForecast::order).toList());
        OrderForecast running = f.get(0);
        // 09:20-10:20: 2,400 + 6,000 x 40/60 = 6,400 good in an hour of production time
        assertEquals(6_400, running.ratePerHour(), 1e-6);
        // 16,000 to go = 2.5 h of production, plus the break at 11:00
        assertEquals(t("13:20"), running.forecastEnd());
        assertTrue(running.late(), "due 13:00");
        OrderForecast next = f.get(1);
        // same fraction of the ideal rate (6,400 / 7,200) for JUICE (9,000/h ideal): 8,000/h; 15 min changeover
        assertEquals(8_000, next.ratePerHour(), 1e-6);
        assertEquals(t("14:42:30"), next.forecastEnd());
        assertFalse(next.late(), "due 15:00");
    }

    @Test
    void anOrderThatMakesNothingCannotFinish() throws Exception {
        HandOee live = new HandOee(LINE);
        book.orders.add(new ProductionOrder("PO-4", "WATER", "L9", 1_000, t("13:00"), null, null, t("10:00"), null,
            ProductionOrder.State.RUNNING));
        live.period(Period.ORDER, d("10:00"), d("10:30"), null, "PO-4", "WATER", 0.5, 0, 0, false);
        OrderForecast f = new CostModel(live, book, EnergyMeter.NONE, Clock.fixed(t("10:30"), ZoneOffset.UTC))
            .forecasts(LINE).get(0);
        assertNull(f.forecastEnd());
        assertEquals(0, f.ratePerHour());
        assertTrue(f.late());
    }

    /** Tariff of the worked example: off-peak 0.10 until 07:00, peak 0.20 after. */
    void tariff() {
        book.tariff.add(new TariffPeriod("OFF", "off-peak", t("00:00"), t("07:00"), 0.10, "EUR"));
        book.tariff.add(new TariffPeriod("PEAK", "peak", t("07:00"), t("21:00"), 0.20, "EUR"));
    }

    Book book() {
        return book;
    }

    HandOee oee() {
        return oee;
    }
}
