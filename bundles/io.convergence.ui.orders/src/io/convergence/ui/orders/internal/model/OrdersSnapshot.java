package io.convergence.ui.orders.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.CostService;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;

import org.eclipse.osgi.util.NLS;
import org.jspecify.annotations.Nullable;

/**
 * What the Orders view read at one moment: a line's orders from the business data, and for each
 * its OEE, cost and forecast when those services run (and why not when they do not).
 *
 * @param status whether there are orders to show, and if not why
 * @param problem the business data's words when it failed, else empty
 * @param lines the work centres
 * @param line the work centre shown, {@code null} unless {@link Status#OK}
 * @param orders its orders overlapping the window read, by start
 * @param products the products by id
 * @param oee each order's OEE figures by order id
 * @param oeeProblem why there are no OEE figures, empty when there are
 * @param costs each order's cost by order id
 * @param forecasts each open order's forecast by order id
 * @param costProblem why there are no costs and forecasts, empty when there are
 * @param readAt when it was read
 */
public record OrdersSnapshot(Status status, String problem, List<WorkCenter> lines, @Nullable WorkCenter line,
                            List<ProductionOrder> orders, Map<String, Product> products, Map<String, OeeFigures> oee,
                            String oeeProblem, Map<String, CostFigures> costs, Map<String, OrderForecast> forecasts,
                            String costProblem, Instant readAt) {

    /** How far back and ahead the view lists orders. */
    public static final Duration BACK = Duration.ofDays(3);
    public static final Duration AHEAD = Duration.ofDays(3);

    public enum Status {
        NO_BUSINESS_DATA, NO_LINES, FAILED, OK
    }

    /** The services read, any of them absent. */
    public record Services(@Nullable BusinessData business, @Nullable OeeService oee, @Nullable CostService cost) {
    }

    /** Reads the orders of {@code wanted} (a work centre id; the first when null or unknown). Never throws. */
    public static OrdersSnapshot read(Services s, @Nullable String wanted, Instant now) {
        BusinessData business = s.business();
        if (business == null) {
            return empty(Status.NO_BUSINESS_DATA, "", List.of(), now);
        }
        List<WorkCenter> lines;
        List<ProductionOrder> orders;
        Map<String, Product> products = new HashMap<>();
        WorkCenter line;
        Instant from = now.minus(BACK);
        Instant to = now.plus(AHEAD);
        try {
            lines = List.copyOf(business.workCenters());
            if (lines.isEmpty()) {
                return empty(Status.NO_LINES, "", lines, now);
            }
            line = lines.stream().filter(w -> w.id().equals(wanted)).findFirst().orElse(lines.get(0));
            orders = List.copyOf(business.orders(line.id(), from, to));
            for (Product p : business.products()) {
                products.put(p.id(), p);
            }
        } catch (RuntimeException e) {
            return empty(Status.FAILED, text(e), List.of(), now);
        }
        Map<String, OeeFigures> oee = new HashMap<>();
        String oeeProblem = "";
        OeeService os = s.oee();
        if (os == null) {
            oeeProblem = Messages.Orders_noOee;
        } else {
            try {
                for (OeeFigures f : os.figures(line.path(), Period.ORDER, from, now)) {
                    if (f.order() != null) {
                        oee.put(f.order(), f);
                    }
                }
            } catch (OeeException | RuntimeException e) {
                oeeProblem = NLS.bind(Messages.Orders_oeeFailed, text(e));
            }
        }
        Map<String, CostFigures> costs = new HashMap<>();
        Map<String, OrderForecast> forecasts = new HashMap<>();
        String costProblem = "";
        CostService cs = s.cost();
        if (cs == null) {
            costProblem = Messages.Orders_noCost;
        } else {
            try {
                for (CostFigures c : cs.costs(line.path(), Period.ORDER, from, now)) {
                    if (c.order() != null) {
                        costs.put(c.order(), c);
                    }
                }
                for (OrderForecast f : cs.forecasts(line.path())) {
                    forecasts.put(f.order(), f);
                }
            } catch (OeeException | RuntimeException e) {
                costProblem = NLS.bind(Messages.Orders_costFailed, text(e));
            }
        }
        return new OrdersSnapshot(Status.OK, "", lines, line, orders, Map.copyOf(products), Map.copyOf(oee), oeeProblem,
            Map.copyOf(costs), Map.copyOf(forecasts), costProblem, now);
    }

    private static OrdersSnapshot empty(Status status, String problem, List<WorkCenter> lines, Instant now) {
        return new OrdersSnapshot(status, problem, lines, null, List.of(), Map.of(), Map.of(), "", Map.of(), Map.of(), "",
            now);
    }

    private static String text(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
