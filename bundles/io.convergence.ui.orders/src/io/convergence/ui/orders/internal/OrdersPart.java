package io.convergence.ui.orders.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.oee.CostService;
import io.convergence.api.oee.OeeService;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.ui.common.BackgroundRead;
import io.convergence.ui.common.BusinessFormat;
import io.convergence.ui.common.LineChoice;
import io.convergence.ui.common.MessagePane;
import io.convergence.ui.orders.internal.model.Messages;
import io.convergence.ui.orders.internal.model.OrderRow;
import io.convergence.ui.orders.internal.model.OrdersPage;
import io.convergence.ui.orders.internal.model.OrdersSnapshot;
import io.convergence.ui.workbench.points.PointHandoff;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.jspecify.annotations.Nullable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Orders view: a line's production orders from the business data with their progress, OEE,
 * scrap cost and forecast against the due date (from the OEE and cost services when they run).
 * Opening an order (double-click, Show in Trend) hands the line's points and the order's time on
 * the line to a trend ({@link PointHandoff}).
 */
public final class OrdersPart {

    public static final long REFRESH_MS = 5_000;
    public static final String PERSISTED_LINE = "io.convergence.ui.orders.line";

    private final BusinessFormat format = new BusinessFormat(Locale.getDefault(Locale.Category.FORMAT), ZoneId.systemDefault());
    private final OrdersPage page = new OrdersPage(format);
    private volatile @Nullable BusinessData business;
    private volatile @Nullable OeeService oee;
    private volatile @Nullable CostService cost;
    private volatile @Nullable PointRegistry registry;
    private @Nullable BackgroundRead<OrdersSnapshot> reader;
    private @Nullable MessagePane pane;
    private @Nullable LineChoice<WorkCenter, String> lineChoice;
    private @Nullable Label notes;
    private @Nullable Label outcome;
    private @Nullable OrderTable table;
    private @Nullable OrdersSnapshot shown;

    @Inject
    @Optional
    private @Nullable MPart part;
    @Inject
    @Optional
    private @Nullable MApplication application;
    @Inject
    @Optional
    private @Nullable EPartService parts;
    @Inject
    @Optional
    private @Nullable IEventBroker broker;

    @Inject
    void business(@Optional @Service @Nullable BusinessData s) {
        business = s;
        refresh();
    }

    @Inject
    void oee(@Optional @Service @Nullable OeeService s) {
        oee = s;
        refresh();
    }

    @Inject
    void cost(@Optional @Service @Nullable CostService s) {
        cost = s;
        refresh();
    }

    @Inject
    void registry(@Optional @Service @Nullable PointRegistry r) {
        registry = r;
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        MessagePane p = new MessagePane(parent);
        pane = p;
        Composite c = p.content();
        GridLayoutFactory.fillDefaults().margins(6, 6).spacing(6, 6).applyTo(c);
        Composite top = new Composite(c, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(8, 0).applyTo(top);
        LineChoice<WorkCenter, String> lines = new LineChoice<>(top, Messages.Orders_line, 340,
            new LineChoice.Keys<>(WorkCenter::id, id -> id, w -> w.name() + " (" + w.path() + ")"),
            part == null ? null : part.getPersistedState(), PERSISTED_LINE, this::refresh);
        lineChoice = lines;
        Button trend = new Button(top, SWT.PUSH);
        trend.setText(Messages.Orders_showTrend);
        trend.setToolTipText(Messages.Orders_showTrendTip);
        trend.setEnabled(false);
        Label n = new Label(top, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(n);
        notes = n;
        OrderTable t = new OrderTable(c, this::open);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(t.control());
        table = t;
        t.onSelection(r -> trend.setEnabled(r != null));
        trend.addListener(SWT.Selection, e -> {
            OrderRow r = t.selected();
            if (r != null) {
                open(r);
            }
        });
        Label o = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(o);
        outcome = o;
        p.showMessage(Messages.Orders_noBusinessTitle, Messages.Orders_noBusiness);
        reader = new BackgroundRead<>(parent.getDisplay(), "Orders view", REFRESH_MS,
            () -> OrdersSnapshot.read(new OrdersSnapshot.Services(business, oee, cost), lines.chosen(), Instant.now()), this::show);
    }

    public void refresh() {
        BackgroundRead<OrdersSnapshot> r = reader;
        if (r != null) {
            r.request();
        }
    }

    private void show(OrdersSnapshot s) {
        MessagePane p = pane;
        if (p == null || p.control().isDisposed()) {
            return;
        }
        shown = s;
        OrdersPage.Notice notice = page.message(s);
        if (notice != null) {
            p.showMessage(notice.title(), notice.text());
            return;
        }
        req(lineChoice).show(s.lines(), s.line());
        req(notes).setText(page.notes(s));
        req(table).show(page.rows(s));
        p.showContent();
        p.content().layout(true, true);
    }

    /**
     * Shows an order's time on the line in a trend, with the line's points; says in the view why
     * not when it cannot (no trend installed, no window yet, no points).
     *
     * @return whether the trend was given the order
     */
    public boolean open(OrderRow row) {
        OrdersSnapshot s = shown;
        MApplication app = application;
        if (s == null || s.line() == null) {
            return false;
        }
        List<MPartDescriptor> trends = app == null ? List.of() : PointHandoff.receivers(app, PointHandoff.TREND);
        if (trends.isEmpty() || parts == null || broker == null) {
            return say(Messages.Orders_noTrend);
        }
        Instant from = row.from();
        Instant to = row.to();
        if (from == null || to == null || !to.isAfter(from)) {
            return say(NLS.bind(Messages.Orders_noWindow, row.order().id()));
        }
        PointRegistry r = registry;
        PointPath line = s.line().path();
        List<PointPath> points = OrdersPage.trendPoints(r == null ? List.of() : r.points(), line);
        if (points.isEmpty()) {
            return say(NLS.bind(Messages.Orders_noPoints, line));
        }
        boolean sent = PointHandoff.send(trends.get(0), points, from, to, parts, broker);
        if (sent) {
            say(NLS.bind(Messages.Orders_sent, new Object[] {row.order().id(), format.dayTime(from, to), format.dayTime(to, to)}));
        }
        return sent;
    }

    private boolean say(String text) {
        Label o = outcome;
        if (o != null && !o.isDisposed()) {
            o.setText(text);
            o.getParent().layout(true, true);
        }
        return false;
    }

    @Focus
    public void focus() {
        OrderTable t = table;
        if (t != null && !t.control().isDisposed()) {
            t.control().setFocus();
        }
    }

    @PreDestroy
    public void dispose() {
        BackgroundRead<OrdersSnapshot> r = reader;
        if (r != null) {
            r.close();
        }
    }

    private static <T> T req(@Nullable T t) {
        if (t == null) {
            throw new IllegalStateException("the Orders view is not created");
        }
        return t;
    }

    // --- what the view shows, for tests ---------------------------------------------------------

    public @Nullable OrdersSnapshot snapshot() {
        return shown;
    }

    public String message() {
        return req(pane).message();
    }

    public String notes() {
        return req(notes).getText();
    }

    public String outcome() {
        return req(outcome).getText();
    }

    public List<OrderRow> rows() {
        return req(table).rows();
    }

    /** Selects an order in the table, as a click does. */
    public void select(String orderId) {
        req(table).select(orderId);
    }
}
