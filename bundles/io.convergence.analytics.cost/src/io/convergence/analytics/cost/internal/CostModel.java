package io.convergence.analytics.cost.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.LossCategory;
import io.convergence.api.business.Product;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.CostService;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.ReasonCost;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * The cost of a line's periods and stops, from the OEE service's figures and stops and one business
 * source. Stateless: every call reads both afresh, so a reassigned stop or a changed price shows at the
 * next call. The formulas are in docs/analytics/cost.md.
 */
final class CostModel implements CostService {

    private final OeeService oee;
    private final BusinessData erp;
    private final EnergyMeter energy;
    private final Clock clock;

    CostModel(OeeService oee, BusinessData erp, EnergyMeter energy, Clock clock) {
        this.oee = oee;
        this.erp = erp;
        this.energy = energy;
        this.clock = clock;
    }

    @Override
    public List<CostFigures> costs(PointPath line, Period period, Instant from, Instant to) throws OeeException {
        if (period == Period.HOUR) {
            throw new OeeException("costs are per shift or per order, not per hour");
        }
        LineBook book = LineBook.of(erp, line);
        List<OeeFigures> figures = oee.figures(line, period, from, to);
        if (figures.isEmpty()) {
            return List.of();
        }
        Instant first = figures.get(0).from();
        Instant last = figures.stream().map(OeeFigures::to).max(Comparator.naturalOrder()).orElseThrow();
        List<Stop> stops = oee.stops(line, first, last);
        List<CostFigures> out = new ArrayList<>(figures.size());
        for (OeeFigures f : figures) {
            out.add(cost(book, f, stops));
        }
        return List.copyOf(out);
    }

    /** The cost of one period: its scrap, its unplanned stops, its energy and its cost per good unit. */
    CostFigures cost(LineBook book, OeeFigures f, List<Stop> stops) throws OeeException {
        Optional<Product> product = product(book, f);
        double scrap = product.isPresent() ? f.rejectCount() * product.get().unitCost() : scrapByHour(book, f);
        StopCost down = StopCost.NONE;
        for (Stop s : stops) {
            if (!s.planned()) {
                down = down.plus(StopCost.of(book, s, f.from(), f.to(), f.to(), product.orElse(null)));
            }
        }
        EnergyMeter.Energy e = energy.use(book, f.from(), f.to());
        double hours = (f.to().toEpochMilli() - f.from().toEpochMilli()) / 3_600_000.0;
        double perUnit = f.goodCount() > 0
            ? (hours * book.workCenter().costRatePerHour() + scrap + e.cost()) / f.goodCount() : Double.NaN;
        return new CostFigures(f.line(), f.period(), f.from(), f.to(), f.complete(), f.shift(), f.order(), book.currency(),
            f.goodCount(), f.rejectCount(), scrap, down.downtime(), down.lostMargin(), e.kwh(), e.cost(), perUnit);
    }

    /** The one product a period made: named by the figures, else the order's. Empty for a shift of several. */
    private static Optional<Product> product(LineBook book, OeeFigures f) throws OeeException {
        Optional<Product> p = book.product(f.product());
        return p.isPresent() ? p : book.productOfOrder(f.order());
    }

    /**
     * The scrap of a period that made several products: its hours' rejects, each at the unit cost of the
     * product the hour made (or of the order running at its middle when the hour made two).
     */
    private double scrapByHour(LineBook book, OeeFigures period) throws OeeException {
        double scrap = 0;
        for (OeeFigures h : oee.figures(book.line(), Period.HOUR, period.from(), period.to())) {
            if (h.rejectCount() == 0 || h.from().isBefore(period.from()) || h.to().isAfter(period.to())) {
                continue;
            }
            Optional<Product> p = book.product(h.product());
            if (p.isEmpty()) {
                Instant middle = h.from().plusMillis((h.to().toEpochMilli() - h.from().toEpochMilli()) / 2);
                p = book.productAt(middle);
            }
            scrap += h.rejectCount() * p.map(Product::unitCost).orElse(0.0);
        }
        return scrap;
    }

    @Override
    public List<ReasonCost> downtimeByReason(PointPath line, Instant from, Instant to) throws OeeException {
        LineBook book = LineBook.of(erp, line);
        Instant now = clock.instant();
        Map<String, Bar> bars = new LinkedHashMap<>();
        for (Stop s : oee.stops(line, from, to)) {
            if (s.planned()) {
                continue;
            }
            StopCost c = StopCost.of(book, s, from, to, now, null);
            if (c.seconds() <= 0) {
                continue;
            }
            String key = s.reasonCode() == null ? "" : s.reasonCode();
            Bar bar = bars.computeIfAbsent(key, k -> new Bar(s, erp.reasonCode(k)));
            bar.stops++;
            bar.cost = bar.cost.plus(c);
        }
        return bars.values().stream().map(b -> b.reason(book.currency()))
            .sorted(Comparator.comparingDouble(ReasonCost::cost).reversed()
                .thenComparing(Comparator.comparingDouble(ReasonCost::seconds).reversed())
                .thenComparing(r -> Objects.requireNonNullElse(r.reasonCode(), "")))
            .toList();
    }

    /** One bar of the Pareto while it is summed. */
    private static final class Bar {
        private final @Nullable String code;
        private final String text;
        private final LossCategory category;
        private int stops;
        private StopCost cost = StopCost.NONE;

        Bar(Stop first, Optional<ReasonCode> reason) {
            this.code = first.reasonCode();
            this.text = reason.map(ReasonCode::text).orElse(first.reasonText());
            this.category = reason.map(ReasonCode::category).orElse(first.category());
        }

        ReasonCost reason(String currency) {
            return new ReasonCost(code, text, category, stops, cost.seconds(), cost.total(), currency);
        }
    }

    @Override
    public List<OrderForecast> forecasts(PointPath line) throws OeeException {
        return new Forecaster(oee, LineBook.of(erp, line), clock.instant()).forecasts();
    }
}
