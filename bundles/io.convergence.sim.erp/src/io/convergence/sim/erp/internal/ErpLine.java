package io.convergence.sim.erp.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.Shift;
import io.convergence.sim.erp.internal.model.MasterData;
import io.convergence.sim.erp.internal.model.OrderBook;
import io.convergence.sim.erp.internal.model.Scheduler;
import io.convergence.sim.erp.internal.model.ShiftCalendar;
import io.convergence.sim.erp.internal.model.Tariffs;
import io.convergence.sim.plant.internal.model.DownReason;
import io.convergence.sim.plant.internal.model.LinePlan;
import io.convergence.sim.plant.internal.model.LineStop;
import io.convergence.sim.plant.internal.model.LineTruth;
import io.convergence.sim.plant.internal.model.PlantLayout;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ERP's side of the simulated line: the {@link LinePlan} the plant follows, and the planning
 * runs that keep the order book and calendar ahead of time.
 *
 * <p>The plant asks on its tick thread and gets answers from a {@link Snapshot} that the database
 * thread reads again every second; what the plant reports is queued to the database thread, which
 * writes it (actual times and states into {@code production_order}, the account into the
 * {@code sim_*} tables) and plans the open orders again after every start and end. Orders the
 * plant finished are remembered here until the snapshot shows them finished, so a snapshot read
 * just before the write never hands the same order out twice.
 */
final class ErpLine implements LinePlan {

    /** Orders whose planned start is this close are released to the line. */
    static final Duration RELEASE_HORIZON = Duration.ofHours(8);
    /** The order book reaches at least this far ahead. */
    static final Duration ORDER_HORIZON = Duration.ofDays(2);
    /** The calendar and tariff reach this many days past today. */
    static final int CALENDAR_DAYS_AHEAD = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ErpLine.class);

    private final long seed;
    private final ZoneId zone;
    private final ErpDatabase db;
    private final PlantRecords records;
    private final ExecutorService dbThread;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private final Set<String> finishedHere = ConcurrentHashMap.newKeySet();
    private @Nullable LocalDate calendarUntil;

    ErpLine(long seed, ZoneId zone, ErpDatabase db, PlantRecords records, ExecutorService dbThread) {
        this.seed = seed;
        this.zone = zone;
        this.db = db;
        this.records = records;
        this.dbThread = dbThread;
    }

    // ---- planning, on the database thread ------------------------------------------------------

    /** Creates calendar, tariff and orders from {@code anchor} on. Database thread. */
    void plan(Instant anchor) throws SQLException {
        calendarUntil = LocalDate.ofInstant(anchor, zone).minusDays(2);
        extend(anchor);
    }

    /**
     * Keeps the calendar, the tariff and the order book ahead of {@code now}, and releases the
     * orders due to start soon. Database thread.
     */
    void extend(Instant now) throws SQLException {
        try {
            LocalDate until = LocalDate.ofInstant(now, zone).plusDays(CALENDAR_DAYS_AHEAD);
            LocalDate day = calendarUntil;
            while (day == null || day.isBefore(until)) {
                day = day == null ? until : day.plusDays(1);
                ShiftCalendar.Day d = ShiftCalendar.day(seed, day, zone);
                db.insertCalendar(d.shifts(), d.stops());
                db.insertTariff(Tariffs.day(seed, day, zone));
            }
            calendarUntil = day;
            createOrders(now);
            int released = db.release(now.plus(RELEASE_HORIZON));
            db.commit();
            if (released > 0) {
                LOG.debug("Simulated ERP released {} orders", released);
            }
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
        refresh();
    }

    private void createOrders(Instant now) throws SQLException {
        Map<String, Product> products = db.products();
        List<Product> catalogue = products.values().stream().sorted(java.util.Comparator.comparing(Product::id)).toList();
        Scheduler scheduler = scheduler(now, products);
        ErpDatabase.OrderRow last = db.lastCreated();
        long number = last == null ? 0 : last.sequence();
        String product = last == null ? null : last.product();
        Instant end = last == null || last.plannedEnd() == null || last.plannedEnd().isBefore(now) ? now : last.plannedEnd();
        while (end.isBefore(now.plus(ORDER_HORIZON))) {
            number++;
            OrderBook.NewOrder o = OrderBook.order(seed, number, product, catalogue);
            Scheduler.Slot slot = scheduler.schedule(List.of(new Scheduler.Job(o.id(), o.productId(), o.quantity())), end,
                product).get(0);
            db.insertOrder(new ErpDatabase.OrderRow(o.id(), o.productId(), MasterData.LINE_ID, o.quantity(),
                slot.end().plus(o.dueSlack()), slot.start(), slot.end(), null, "planned", number));
            end = slot.end();
            product = o.productId();
        }
    }

    /** Plans the line's open orders again, one after the other from now. Database thread. */
    void replan(Instant now) throws SQLException {
        Map<String, Product> products = db.products();
        Scheduler scheduler = scheduler(now, products);
        List<ErpDatabase.OrderRow> open = db.openOrders(MasterData.LINE_ID);
        Instant from = now;
        String setUp = db.lastCompletedProduct(MasterData.LINE_ID);
        List<Scheduler.Job> jobs = new ArrayList<>();
        for (ErpDatabase.OrderRow o : open) {
            if (o.state().equals("running")) {
                long good = records.goodCounted(List.of(o.id())).getOrDefault(o.id(), 0L);
                from = scheduler.endOf(o.product(), Math.max(0, o.quantity() - good), now);
                setUp = o.product();
            } else {
                jobs.add(new Scheduler.Job(o.id(), o.product(), o.quantity()));
            }
        }
        for (Scheduler.Slot s : scheduler.schedule(jobs, from, setUp)) {
            db.plan(s.orderId(), s.start(), s.end());
        }
    }

    private Scheduler scheduler(Instant now, Map<String, Product> products) throws SQLException {
        Instant end = db.calendarEnd();
        return new Scheduler(db.plannedStops(MasterData.LINE_ID, now.minus(Duration.ofDays(1)),
            end == null ? now.plus(Duration.ofDays(7)) : end.plus(Duration.ofDays(7))), products);
    }

    /** Reads what the plant needs into a new snapshot. Database thread. */
    void refresh() throws SQLException {
        Instant now = Instant.now();
        List<ErpDatabase.OrderRow> open = db.openOrders(MasterData.LINE_ID);
        List<String> running = open.stream().filter(o -> o.state().equals("running")).map(ErpDatabase.OrderRow::id).toList();
        Snapshot s = new Snapshot(open, records.goodCounted(running),
            db.plannedStops(MasterData.LINE_ID, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))),
            db.shifts(MasterData.LINE_ID, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))),
            db.products(), now);
        db.commit();
        finishedHere.removeIf(id -> open.stream().noneMatch(o -> o.id().equals(id)));
        snapshot = s;
    }

    // ---- the plant's questions, on its tick thread ---------------------------------------------

    @Override
    public String line() {
        return PlantLayout.LINE_PATH;
    }

    @Override
    public @Nullable PlannedOrder nextOrder(@Nullable String previous, long millis) {
        Snapshot s = snapshot;
        ErpDatabase.OrderRow pick = null;
        for (ErpDatabase.OrderRow o : s.orders()) {
            if (o.id().equals(previous) || finishedHere.contains(o.id())) {
                continue;
            }
            if (o.state().equals("running")) {
                pick = o;
                break;
            }
            if (pick == null && o.state().equals("released")) {
                pick = o;
            }
        }
        if (pick == null) {
            return null;
        }
        Product p = s.products().get(pick.product());
        if (p == null) {
            return null;
        }
        long done = pick.state().equals("running") ? s.goodCounted().getOrDefault(pick.id(), 0L) : 0;
        return new PlannedOrder(pick.id(), p.id(), pick.quantity(), done, p.idealCycleSeconds(), p.changeoverSeconds());
    }

    /**
     * An order stays runnable while the order book has it open (planned, released or running): a
     * planner's cancellation takes it off the line at the next snapshot, within a second.
     */
    @Override
    public boolean runnable(String orderId) {
        for (ErpDatabase.OrderRow o : snapshot.orders()) {
            if (o.id().equals(orderId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public @Nullable PlannedWindow plannedStopAt(long millis) {
        Instant t = Instant.ofEpochMilli(millis);
        for (PlannedStop s : snapshot.stops()) {
            if (s.contains(t)) {
                return new PlannedWindow(s.id(), reason(s), s.start().toEpochMilli(), s.end().toEpochMilli());
            }
        }
        return null;
    }

    /** The plant's code for a stop: its reason code when it is one of the plant's, else by its kind. */
    private static int reason(PlannedStop s) {
        try {
            int code = Integer.parseInt(s.reasonCode().strip());
            if (DownReason.planned(code)) {
                return code;
            }
        } catch (NumberFormatException e) {
            // a code the plant does not know: go by the kind
        }
        return s.kind() == PlannedStop.Kind.MAINTENANCE ? DownReason.PLANNED_MAINTENANCE : DownReason.BREAK;
    }

    @Override
    public List<String> shiftsAt(long millis) {
        Instant t = Instant.ofEpochMilli(millis);
        List<String> out = new ArrayList<>(2);
        for (Shift s : snapshot.shifts()) {
            if (s.contains(t)) {
                out.add(s.id());
            }
        }
        return out;
    }

    // ---- the plant's reports, from its tick thread to the database thread ----------------------

    @Override
    public void orderStarted(String orderId, long millis) {
        submit("the start of " + orderId, () -> {
            if (!db.started(orderId, Instant.ofEpochMilli(millis))) {
                LOG.info("Simulated ERP: order {} was no longer open when the line started it; the line drops it",
                    orderId);
            }
            replan(Instant.ofEpochMilli(millis));
            db.commit();
            refresh();
        });
    }

    @Override
    public void orderCompleted(String orderId, long millis) {
        finishedHere.add(orderId);
        submit("the end of " + orderId, () -> {
            if (!db.completed(orderId, Instant.ofEpochMilli(millis))) {
                LOG.info("Simulated ERP: order {} was no longer running when the line finished it; left as it is",
                    orderId);
            }
            replan(Instant.ofEpochMilli(millis));
            db.commit();
            refresh();
        });
    }

    @Override
    public void stopped(LineStop stop) {
        submit("a stop", () -> {
            records.stop(MasterData.LINE_ID, stop);
            db.commit();
        });
    }

    @Override
    public void account(List<LineTruth> deltas) {
        submit("the plant's account", () -> {
            for (LineTruth t : deltas) {
                records.account(MasterData.LINE_ID, t);
            }
            db.commit();
        });
    }

    /** Runs database work on the database thread; failures are logged, the work undone. */
    void submit(String what, SqlWork work) {
        try {
            dbThread.execute(() -> {
                try {
                    work.run();
                } catch (SQLException | RuntimeException e) {
                    db.rollback();
                    LOG.error("Simulated ERP: recording {} failed: {}", what, e.getMessage(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Simulated ERP is stopped; {} is not recorded", what);
        }
    }

    /** Work on the database. */
    interface SqlWork {
        void run() throws SQLException;
    }

    @Override
    public String toString() {
        return "the simulated ERP (work centre " + MasterData.LINE_ID + ")";
    }
}
