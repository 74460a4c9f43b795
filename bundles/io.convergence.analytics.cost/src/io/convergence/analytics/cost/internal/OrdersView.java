package io.convergence.analytics.cost.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;
import io.convergence.api.point.PointPath;

/**
 * The order view's table of one line: every order whose window reaches past {@code since}, by start,
 * with the OEE and scrap cost of what ran and the forecast of what is open.
 */
final class OrdersView {

    private final OeeService oee;
    private final BusinessData erp;
    private final CostModel costs;

    OrdersView(OeeService oee, BusinessData erp, CostModel costs) {
        this.oee = oee;
        this.erp = erp;
        this.costs = costs;
    }

    List<OrderRow> rows(PointPath line, Instant since) throws OeeException {
        LineBook book = LineBook.of(erp, line);
        List<ProductionOrder> orders = new ArrayList<>(erp.orders(book.workCenter().id(), since, Instant.MAX));
        orders.sort(Comparator.comparing((ProductionOrder o) -> Objects.requireNonNullElse(o.start(), Instant.MAX))
            .thenComparing(ProductionOrder::id));
        Map<String, OrderForecast> forecasts = new HashMap<>();
        for (OrderForecast f : costs.forecasts(line)) {
            forecasts.put(f.order(), f);
        }
        Map<String, OeeFigures> figures = new HashMap<>();
        Map<String, CostFigures> cost = new HashMap<>();
        Optional<Instant> first = orders.stream().map(ProductionOrder::start).filter(Objects::nonNull).min(Comparator.naturalOrder());
        if (first.isPresent()) {
            Instant to = Instant.now().plusSeconds(1);
            for (OeeFigures f : oee.figures(line, Period.ORDER, first.get(), to)) {
                if (f.order() != null) {
                    figures.put(f.order(), f);
                }
            }
            oee.current(line, Period.ORDER).ifPresent(f -> figures.put(Objects.requireNonNullElse(f.order(), ""), f));
            for (CostFigures c : costs.costs(line, Period.ORDER, first.get(), to)) {
                if (c.order() != null) {
                    cost.put(c.order(), c);
                }
            }
        }
        List<OrderRow> rows = new ArrayList<>();
        for (ProductionOrder o : orders) {
            OeeFigures f = figures.get(o.id());
            CostFigures c = cost.get(o.id());
            OrderForecast fc = forecasts.get(o.id());
            Long good = f != null ? Long.valueOf(f.goodCount()) : fc != null && o.state() != ProductionOrder.State.RUNNING
                ? Long.valueOf(fc.goodCount()) : null;
            Instant end;
            Boolean late;
            if (o.actualEnd() != null) {
                end = o.actualEnd();
                late = end.isAfter(o.due());
            } else if (fc != null && (f != null || o.state() != ProductionOrder.State.RUNNING) && fc.forecastEnd() != null) {
                end = fc.forecastEnd();
                late = fc.late();
            } else {
                end = null;
                late = null;
            }
            rows.add(new OrderRow(o.id(), o.productId(), line, o.state(), o.quantity(), good, f == null ? null : f.oee(),
                c == null ? null : c.scrapCost(), book.currency(), end, o.due(), late));
        }
        return rows;
    }
}
