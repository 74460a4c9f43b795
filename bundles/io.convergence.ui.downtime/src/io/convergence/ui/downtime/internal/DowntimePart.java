package io.convergence.ui.downtime.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.oee.CostService;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;
import io.convergence.ui.common.BackgroundRead;
import io.convergence.ui.common.BusinessFormat;
import io.convergence.ui.common.LineChoice;
import io.convergence.ui.common.MessagePane;
import io.convergence.ui.downtime.internal.model.DowntimePage;
import io.convergence.ui.downtime.internal.model.DowntimeSnapshot;
import io.convergence.ui.downtime.internal.model.Messages;
import io.convergence.ui.downtime.internal.model.Pareto;
import io.convergence.ui.downtime.internal.model.Range;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.jspecify.annotations.Nullable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Downtime view: for one line and range, the Pareto of unplanned downtime by reason, by time
 * (from the OEE service's stops) and by cost (from the cost service, when it runs), and the list of
 * stops where an operator sets a stop's reason or splits it. Corrections go to the OEE service off
 * the UI thread; its refusal is shown in the view, in its own words.
 */
public final class DowntimePart {

    public static final long REFRESH_MS = 5_000;
    public static final String PERSISTED_LINE = "io.convergence.ui.downtime.line";

    private final BusinessFormat format = new BusinessFormat(Locale.getDefault(Locale.Category.FORMAT), ZoneId.systemDefault());
    private final DowntimePage page = new DowntimePage(format);
    private final ExecutorService actions = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "Downtime view corrections");
        t.setDaemon(true);
        return t;
    });
    private volatile @Nullable OeeService oee;
    private volatile @Nullable CostService cost;
    private volatile @Nullable BusinessData business;
    private volatile Range range = Range.DAY;
    private @Nullable BackgroundRead<DowntimeSnapshot> reader;
    private @Nullable MessagePane pane;
    private @Nullable LineChoice<PointPath, PointPath> lineChoice;
    private @Nullable Label summary;
    private @Nullable Banner banner;
    private @Nullable ParetoChart byTime;
    private @Nullable ParetoChart byCost;
    private @Nullable StopTable stops;
    private @Nullable DowntimeSnapshot shown;

    @Inject
    @Optional
    private @Nullable MPart part;

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
    void business(@Optional @Service @Nullable BusinessData s) {
        business = s;
        refresh();
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
        GridLayoutFactory.fillDefaults().numColumns(5).spacing(8, 0).applyTo(top);
        LineChoice<PointPath, PointPath> lines = new LineChoice<>(top, Messages.Downtime_line, 240, LineChoice.paths(),
            part == null ? null : part.getPersistedState(), PERSISTED_LINE, this::refresh);
        lineChoice = lines;
        new Label(top, SWT.NONE).setText(Messages.Downtime_range);
        Combo rc = new Combo(top, SWT.READ_ONLY);
        for (Range r : Range.values()) {
            rc.add(r.label());
        }
        rc.select(range.ordinal());
        rc.addListener(SWT.Selection, e -> {
            range = Range.values()[rc.getSelectionIndex()];
            refresh();
        });
        Label s = new Label(top, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(s);
        summary = s;

        banner = new Banner(c);

        SashForm sash = new SashForm(c, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        SashForm charts = new SashForm(sash, SWT.HORIZONTAL);
        byTime = new ParetoChart(charts, Messages.Downtime_byTime, Messages.Downtime_hours);
        byCost = new ParetoChart(charts, Messages.Downtime_byCost, "");

        Composite list = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(6, 4).applyTo(list);
        Button set = new Button(list, SWT.PUSH);
        set.setText(Messages.Downtime_setReason);
        set.addListener(SWT.Selection, e -> openReasonDialog(false));
        Button split = new Button(list, SWT.PUSH);
        split.setText(Messages.Downtime_split);
        split.addListener(SWT.Selection, e -> openReasonDialog(true));
        StopTable t = new StopTable(list, () -> openReasonDialog(false));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(t.control());
        t.onSelection(selected -> {
            set.setEnabled(selected != null);
            split.setEnabled(selected != null);
        });
        set.setEnabled(false);
        split.setEnabled(false);
        stops = t;
        sash.setWeights(50, 50);

        p.showMessage(Messages.Downtime_noServiceTitle, Messages.Downtime_noService);
        reader = new BackgroundRead<>(parent.getDisplay(), "Downtime view", REFRESH_MS,
            () -> DowntimeSnapshot.read(new DowntimeSnapshot.Services(oee, cost, business), lines.chosen(), range, Instant.now()),
            this::show);
    }

    /** Reads again now. */
    public void refresh() {
        BackgroundRead<DowntimeSnapshot> r = reader;
        if (r != null) {
            r.request();
        }
    }

    private void show(DowntimeSnapshot s) {
        MessagePane p = pane;
        if (p == null || p.control().isDisposed()) {
            return;
        }
        shown = s;
        DowntimePage.Notice notice = page.message(s);
        if (notice != null) {
            p.showMessage(notice.title(), notice.text());
            return;
        }
        req(lineChoice).show(s.lines(), s.line());
        req(summary).setText(page.summary(s));
        req(byTime).show(DowntimePage.byTime(s), v -> v / 3600.0, Messages.Downtime_noStops);
        String currency = DowntimePage.currency(s);
        req(byCost).show(DowntimePage.byCost(s), v -> v, s.costs().isEmpty() && !s.costProblem().isEmpty()
            ? capitalise(s.costProblem()) : Messages.Downtime_noStops);
        req(byCost).control().getAxisSet().getYAxis(0).getTitle().setText(currency);
        req(stops).show(page.rows(s));
        if (!s.reasonsProblem().isEmpty()) {
            req(banner).warn(s.reasonsProblem());
        } else {
            req(banner).clearWarning();
        }
        p.showContent();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void openReasonDialog(boolean splitting) {
        DowntimeSnapshot s = shown;
        Stop stop = req(stops).selected();
        if (s == null || stop == null) {
            return;
        }
        if (s.reasons().isEmpty()) {
            req(banner).error(s.reasonsProblem().isEmpty() ? Messages.Downtime_noBusinessData : s.reasonsProblem());
            return;
        }
        String when = format.dayTime(stop.start(), s.to());
        String length = format.duration(stop.seconds(Instant.now()));
        List<ReasonCode> reasons = DowntimePage.pickable(s);
        ReasonDialog d = splitting
            ? new ReasonDialog(req(pane).control().getShell(), Messages.Split_title, NLS.bind(Messages.Split_message, when,
                length), reasons, page.defaultSplit(stop, Instant.now()), t -> page.splitAt(t, stop, Instant.now()))
            : new ReasonDialog(req(pane).control().getShell(), Messages.Reason_title, NLS.bind(Messages.Reason_message, when,
                length), reasons, null, t -> stop.start());
        if (d.open() != Window.OK) {
            return;
        }
        ReasonCode r = d.reason();
        Instant at = d.at();
        if (r == null) {
            return;
        }
        if (splitting && at != null) {
            split(stop, at, r);
        } else if (!splitting) {
            reassign(stop, r);
        }
    }

    /** Sets a stop's reason through the OEE service, off the UI thread; the outcome shows in the view. */
    public CompletableFuture<Void> reassign(Stop stop, ReasonCode reason) {
        return correct(stop, Messages.Error_reassign, s -> s.reassign(stop.line(), stop.start(), reason.code()),
            page.reassigned(stop, reason));
    }

    /** Splits a stop through the OEE service, off the UI thread; the outcome shows in the view. */
    public CompletableFuture<Void> split(Stop stop, Instant at, ReasonCode reason) {
        return correct(stop, Messages.Error_split, s -> s.split(stop.line(), stop.start(), at, reason.code()),
            page.split(stop, at, reason));
    }

    private interface Correction {
        void apply(OeeService s) throws OeeException;
    }

    private CompletableFuture<Void> correct(Stop stop, String what, Correction c, String done) {
        org.eclipse.swt.widgets.Display display = req(pane).control().getDisplay();
        return CompletableFuture.runAsync(() -> {
            OeeService s = oee;
            String outcome;
            boolean ok = false;
            if (s == null) {
                outcome = page.refused(stop, what, Messages.Downtime_noServiceTitle);
            } else {
                try {
                    c.apply(s);
                    outcome = done;
                    ok = true;
                } catch (OeeException | RuntimeException e) {
                    outcome = page.refused(stop, what, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
            String text = outcome;
            boolean success = ok;
            if (!display.isDisposed()) {
                // asynchronously: the UI thread may be waiting on this correction (a test, a modal loop)
                display.asyncExec(() -> {
                    Banner b = banner;
                    if (b != null && !b.isDisposed()) {
                        if (success) {
                            b.info(text);
                        } else {
                            b.error(text);
                        }
                    }
                });
            }
            refresh();
        }, actions);
    }

    @Focus
    public void focus() {
        StopTable t = stops;
        if (t != null && !t.control().isDisposed()) {
            t.control().setFocus();
        }
    }

    @PreDestroy
    public void dispose() {
        BackgroundRead<DowntimeSnapshot> r = reader;
        if (r != null) {
            r.close();
        }
        actions.shutdownNow();
    }

    private static <T> T req(@Nullable T t) {
        if (t == null) {
            throw new IllegalStateException("the Downtime view is not created");
        }
        return t;
    }

    // --- what the view shows, for tests ---------------------------------------------------------

    public @Nullable DowntimeSnapshot snapshot() {
        return shown;
    }

    public String message() {
        return req(pane).message();
    }

    public String summary() {
        return req(summary).getText();
    }

    /** The banner's text (the outcome of the last correction, or a warning); empty when hidden. */
    public String banner() {
        return req(banner).text();
    }

    /** Whether the banner shows an error. */
    public boolean bannerIsError() {
        return req(banner).isError();
    }

    public List<Pareto.Bar> timeBars() {
        return req(byTime).bars();
    }

    public List<Pareto.Bar> costBars() {
        return req(byCost).bars();
    }

    public String costTitle() {
        return req(byCost).control().getTitle().getText();
    }

    public String[] timeLabels() {
        return req(byTime).labels();
    }

    public List<DowntimePage.Row> rows() {
        return req(stops).rows();
    }

    public void showRange(Range r) {
        range = r;
        refresh();
    }
}
