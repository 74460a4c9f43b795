package io.convergence.analytics.oee.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.convergence.analytics.oee.core.Calendar;
import io.convergence.analytics.oee.core.ConfigCalendar;
import io.convergence.analytics.oee.core.Window;
import io.convergence.api.business.BusinessData;
import io.convergence.api.business.LossCategory;
import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.business.Shift;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * The calendar of a line with a business source: the ERP's shifts (when the configuration gives
 * none), its planned stops beside the configured breaks, its reason codes and its orders' products.
 * The line's work centre is the one whose path is the line's.
 */
final class ErpCalendar implements Calendar {

    private static final long LOOK_AHEAD = 3 * 86_400L * Micros.PER_SECOND;

    private final ConfigCalendar config;
    private final boolean erpShifts;
    private final BusinessData erp;
    private final @Nullable String workCenter;

    ErpCalendar(ConfigCalendar config, boolean erpShifts, BusinessData erp, PointPath line) {
        this.config = config;
        this.erpShifts = erpShifts;
        this.erp = erp;
        this.workCenter = erp.workCenters().stream().filter(w -> w.path().equals(line)).findFirst()
            .or(() -> erp.workCenterOf(line)).map(WorkCenter::id).orElse(null);
    }

    @Override
    public @Nullable Window shiftAt(long t) {
        if (!erpShifts || workCenter == null) {
            return config.shiftAt(t);
        }
        Instant i = Micros.toInstant(t);
        return erp.shifts(workCenter, i, i.plusNanos(1000)).stream().filter(s -> s.contains(i))
            .max(Comparator.comparing(Shift::start)).map(ErpCalendar::window).orElse(null);
    }

    @Override
    public long nextShiftStart(long t) {
        if (!erpShifts || workCenter == null) {
            return config.nextShiftStart(t);
        }
        return erp.shifts(workCenter, Micros.toInstant(t), Micros.toInstant(t + LOOK_AHEAD)).stream()
            .mapToLong(s -> Micros.of(s.start())).filter(s -> s > t).min().orElse(Long.MAX_VALUE);
    }

    @Override
    public List<Window> plannedStops(long from, long to) {
        List<Window> out = new ArrayList<>(config.plannedStops(from, to));
        if (workCenter != null) {
            for (PlannedStop p : erp.plannedStops(workCenter, Micros.toInstant(from), Micros.toInstant(to))) {
                out.add(new Window(p.kind().name().toLowerCase(java.util.Locale.ROOT), Micros.of(p.start()),
                    Micros.of(p.end())));
            }
        }
        out.sort(Comparator.comparingLong(Window::start));
        return out;
    }

    @Override
    public @Nullable ReasonInfo reason(String code) {
        Optional<ReasonCode> r = erp.reasonCode(code);
        return r.map(c -> new ReasonInfo(c.text(), c.planned(), c.category() == LossCategory.PERFORMANCE, false))
            .orElse(null);
    }

    @Override
    public @Nullable OrderInfo order(String orderId) {
        Optional<ProductionOrder> o = erp.order(orderId);
        if (o.isEmpty()) {
            return null;
        }
        Optional<Product> p = erp.product(o.get().productId());
        return p.map(x -> new OrderInfo(x.id(), x.idealCycleSeconds())).orElse(null);
    }

    private static Window window(Shift s) {
        return new Window(s.name(), Micros.of(s.start()), Micros.of(s.end()));
    }
}
