package io.convergence.testing.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.convergence.api.business.LossCategory;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.CostService;
import io.convergence.api.oee.Definition;
import io.convergence.api.oee.Losses;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.ReasonCost;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;
import io.convergence.testing.Osgi;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A small OEE and cost service for the views' tests, registered as OSGi services like the real
 * ones: figures the test sets (consistent among themselves: availability is run over planned time,
 * the losses add up to what the factors lose), stops it corrects as the real service would (an
 * unknown stop or reason code is refused with a message that says which), and downtime costs
 * computed from its stops at a line rate.
 */
public class TestOee implements OeeService, CostService {

    /** The line's cost rate per hour, and the margin lost per hour of downtime at the ideal rate. */
    public static final double RATE = 420;
    public static final double MARGIN = 180;
    public static final String CURRENCY = "EUR";

    private final PointPath line;
    private final Map<String, ReasonCode> reasons = new LinkedHashMap<>();
    private final List<OeeFigures> shifts = new ArrayList<>();
    private final List<OeeFigures> orders = new ArrayList<>();
    private final List<CostFigures> orderCosts = new ArrayList<>();
    private final List<OrderForecast> forecasts = new ArrayList<>();
    private final List<Stop> stops = new ArrayList<>();
    private Definition definition = Definition.COMMON;
    private final List<String> calls = new ArrayList<>();

    public TestOee(PointPath line, List<ReasonCode> reasonCodes) {
        this.line = line;
        for (ReasonCode r : reasonCodes) {
            reasons.put(r.code(), r);
        }
    }

    // --- what the test sets -----------------------------------------------------------------

    /**
     * Figures of a period from what the line did: planned and run time, units, good units, and the
     * ideal cycle; the six losses follow from them (breakdowns and setup share the stop time as
     * {@code setupShare}; small stops are a tenth of the speed loss; start-up rejects a third of the rejects).
     */
    public static OeeFigures figures(PointPath line, Period period, Instant from, Instant to, boolean complete,
                                     String shift, String order, String product, Definition definition, double planned,
                                     double run, double ideal, long total, long good, double setupShare) {
        double a = run / planned;
        double p = total == 0 ? 0 : ideal * total / run;
        double q = total == 0 ? 1 : (double) good / total;
        double stopped = planned - run;
        double speed = run - ideal * total;
        double rejects = ideal * (total - good);
        Losses losses = new Losses(stopped * (1 - setupShare), stopped * setupShare, speed * 0.1, speed * 0.9,
            rejects / 3, rejects * 2 / 3);
        return new OeeFigures(line, period, from, to, complete, shift, order, product, definition, planned, run, ideal,
            total, good, a, p, q, a * p * q, losses);
    }

    /**
     * Nine past shifts of 8 hours (A 06:00, B 14:00, C 22:00 UTC) and the current one up to
     * {@code now}, with OEE between about 55 and 80 %, and a running order {@code order}.
     */
    public synchronized TestOee realistic(Instant now, String order, String product) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Instant currentStart = day.plus(Duration.ofHours(6));
        while (currentStart.plus(Duration.ofHours(8)).isBefore(now) || currentStart.equals(now)) {
            currentStart = currentStart.plus(Duration.ofHours(8));
        }
        while (currentStart.isAfter(now)) {
            currentStart = currentStart.minus(Duration.ofHours(8));
        }
        double[] runShare = {0.86, 0.79, 0.91, 0.83, 0.74, 0.88, 0.81, 0.90, 0.77};
        double[] speed = {0.90, 0.93, 0.87, 0.91, 0.85, 0.94, 0.89, 0.92, 0.88};
        double ideal = 1.2;
        for (int i = runShare.length; i >= 1; i--) {
            Instant from = currentStart.minus(Duration.ofHours(8L * i));
            double planned = 8 * 3600 - 1800;
            double run = planned * runShare[i - 1];
            long total = Math.round(run * speed[i - 1] / ideal);
            long good = total - Math.round(total * (0.01 + 0.004 * (i % 3)));
            shifts.add(figures(line, Period.SHIFT, from, from.plus(Duration.ofHours(8)), true, shiftName(from), null, product,
                definition, planned, run, ideal, total, good, 0.3));
        }
        double planned = Math.max(600, Duration.between(currentStart, now).toSeconds() - 900);
        double run = planned * 0.84;
        long total = Math.round(run * 0.91 / ideal);
        shifts.add(figures(line, Period.SHIFT, currentStart, now, false, shiftName(currentStart), null, product, definition,
            planned, run, ideal, total, total - Math.round(total * 0.013), 0.25));
        Instant orderStart = now.minus(Duration.ofMinutes(200));
        double oPlanned = 200 * 60 - 600;
        double oRun = oPlanned * 0.87;
        long oTotal = Math.round(oRun * 0.9 / ideal);
        orders.add(figures(line, Period.ORDER, orderStart, now, false, null, order, product, definition, oPlanned, oRun, ideal,
            oTotal, oTotal - Math.round(oTotal * 0.012), 0.4));
        return this;
    }

    private static String shiftName(Instant from) {
        int h = from.atZone(ZoneOffset.UTC).getHour();
        return h >= 6 && h < 14 ? "A" : h >= 14 && h < 22 ? "B" : "C";
    }

    public synchronized TestOee definition(Definition d) {
        definition = d;
        return this;
    }

    public synchronized TestOee shift(OeeFigures f) {
        shifts.add(f);
        return this;
    }

    public synchronized TestOee order(OeeFigures f) {
        orders.add(f);
        return this;
    }

    public synchronized TestOee cost(CostFigures c) {
        orderCosts.add(c);
        return this;
    }

    public synchronized TestOee forecast(OrderForecast f) {
        forecasts.add(f);
        return this;
    }

    /** A stop with the reason of that code (its text and category from the reason codes). */
    public synchronized TestOee stop(Instant start, Duration length, String code, boolean micro) {
        ReasonCode r = reasons.get(code);
        stops.add(new Stop(line, start, length == null ? null : start.plus(length), code, r == null ? code : r.text(),
            micro ? LossCategory.PERFORMANCE : r == null ? LossCategory.AVAILABILITY : r.category(),
            r != null && r.planned(), micro, false));
        stops.sort(Comparator.comparing(Stop::start));
        return this;
    }

    /** The stops as they are now (after corrections). */
    public synchronized List<Stop> stops() {
        return List.copyOf(stops);
    }

    /** The corrections asked for, as {@code reassign START CODE} and {@code split START AT CODE}. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Registers the OEE service and, if {@code withCost}, the cost service; close to take them away. */
    public AutoCloseable register(boolean withCost) {
        BundleContext ctx = Osgi.context(TestOee.class);
        ServiceRegistration<OeeService> o = ctx.registerService(OeeService.class, this, null);
        ServiceRegistration<CostService> c = withCost ? ctx.registerService(CostService.class, this, null) : null;
        return () -> {
            if (c != null) {
                c.unregister();
            }
            o.unregister();
        };
    }

    // --- OeeService --------------------------------------------------------------------------

    @Override
    public List<PointPath> lines() {
        return List.of(line);
    }

    private void check(PointPath l) throws OeeException {
        if (!line.equals(l)) {
            throw new OeeException("line " + l + " has no OEE configuration");
        }
    }

    @Override
    public synchronized List<OeeFigures> figures(PointPath l, Period period, Instant from, Instant to) throws OeeException {
        check(l);
        List<OeeFigures> all = switch (period) {
            case SHIFT -> shifts;
            case ORDER -> orders;
            case HOUR -> List.of();
        };
        return all.stream().filter(f -> f.from().isBefore(to) && f.to().isAfter(from) || !f.complete())
            .sorted(Comparator.comparing(OeeFigures::from)).toList();
    }

    @Override
    public synchronized Optional<OeeFigures> current(PointPath l, Period period) throws OeeException {
        check(l);
        List<OeeFigures> all = period == Period.SHIFT ? shifts : period == Period.ORDER ? orders : List.of();
        return all.stream().filter(f -> !f.complete()).findFirst();
    }

    @Override
    public synchronized List<Stop> stops(PointPath l, Instant from, Instant to) throws OeeException {
        check(l);
        return stops.stream().filter(s -> s.start().isBefore(to) && (s.end() == null || s.end().isAfter(from))).toList();
    }

    private int find(Instant start) throws OeeException {
        for (int i = 0; i < stops.size(); i++) {
            if (stops.get(i).start().equals(start)) {
                return i;
            }
        }
        throw new OeeException("line " + line + " has no stop that started at " + start);
    }

    private ReasonCode reason(String code) throws OeeException {
        ReasonCode r = reasons.get(code);
        if (r == null) {
            throw new OeeException("reason code '" + code + "' is not one of the line's reason codes " + reasons.keySet());
        }
        return r;
    }

    @Override
    public synchronized void reassign(PointPath l, Instant stopStart, String reasonCode) throws OeeException {
        check(l);
        calls.add("reassign " + stopStart + " " + reasonCode);
        int i = find(stopStart);
        ReasonCode r = reason(reasonCode);
        Stop s = stops.get(i);
        stops.set(i, new Stop(l, s.start(), s.end(), r.code(), r.text(), s.micro() ? LossCategory.PERFORMANCE : r.category(),
            r.planned(), s.micro(), true));
    }

    @Override
    public synchronized void split(PointPath l, Instant stopStart, Instant at, String reasonCode) throws OeeException {
        check(l);
        calls.add("split " + stopStart + " " + at + " " + reasonCode);
        int i = find(stopStart);
        ReasonCode r = reason(reasonCode);
        Stop s = stops.get(i);
        if (!at.isAfter(s.start()) || (s.end() != null && !at.isBefore(s.end()))) {
            throw new OeeException(at + " is not inside the stop from " + s.start() + " to " + s.end());
        }
        stops.set(i, new Stop(l, s.start(), at, s.reasonCode(), s.reasonText(), s.category(), s.planned(), false, true));
        stops.add(i + 1, new Stop(l, at, s.end(), r.code(), r.text(), r.category(), r.planned(), false, true));
    }

    // --- CostService -------------------------------------------------------------------------

    @Override
    public synchronized List<CostFigures> costs(PointPath l, Period period, Instant from, Instant to) throws OeeException {
        check(l);
        if (period == Period.HOUR) {
            throw new OeeException("costs are kept per shift and order, not per hour");
        }
        return period == Period.ORDER ? List.copyOf(orderCosts) : List.of();
    }

    @Override
    public synchronized List<ReasonCost> downtimeByReason(PointPath l, Instant from, Instant to) throws OeeException {
        check(l);
        Map<String, double[]> by = new LinkedHashMap<>();
        Map<String, Stop> first = new LinkedHashMap<>();
        for (Stop s : stops(l, from, to)) {
            if (s.planned()) {
                continue;
            }
            String key = String.valueOf(s.reasonCode());
            Instant a = s.start().isBefore(from) ? from : s.start();
            Instant b = s.end() == null || s.end().isAfter(to) ? to : s.end();
            double secs = Math.max(0, Duration.between(a, b).toMillis() / 1000.0);
            double[] v = by.computeIfAbsent(key, k -> new double[2]);
            v[0]++;
            v[1] += secs;
            first.putIfAbsent(key, s);
        }
        List<ReasonCost> out = new ArrayList<>();
        by.forEach((k, v) -> {
            Stop s = first.get(k);
            out.add(new ReasonCost(s.reasonCode(), s.reasonText(), s.category(), (int) v[0], v[1],
                v[1] / 3600 * (RATE + MARGIN), CURRENCY));
        });
        out.sort(Comparator.comparingDouble(ReasonCost::cost).reversed());
        return out;
    }

    @Override
    public synchronized List<OrderForecast> forecasts(PointPath l) throws OeeException {
        check(l);
        return List.copyOf(forecasts);
    }
}
