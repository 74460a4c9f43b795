package io.convergence.ui.oee.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.convergence.api.oee.OeeService;
import io.convergence.api.point.PointPath;
import io.convergence.ui.common.BackgroundRead;
import io.convergence.ui.common.BusinessFormat;
import io.convergence.ui.common.LineChoice;
import io.convergence.ui.common.MessagePane;
import io.convergence.ui.oee.internal.model.Messages;
import io.convergence.ui.oee.internal.model.OeePage;
import io.convergence.ui.oee.internal.model.OeeSnapshot;
import io.convergence.ui.oee.internal.model.Step;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.jspecify.annotations.Nullable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The OEE view: per line, the current shift's and the running order's availability, performance,
 * quality and OEE in big numbers, the OEE of the last shifts, and the loss waterfall of the current
 * shift. Reads the {@link OeeService} off the UI thread every few seconds and whenever the service
 * comes, goes or is replaced; without the service it says so.
 */
public final class OeePart {

    /** How often the figures are read again; the OEE model publishes its live figures every 5 s. */
    public static final long REFRESH_MS = 3_000;
    /** Key of the line shown in {@link MPart#getPersistedState()}. */
    public static final String PERSISTED_LINE = "io.convergence.ui.oee.line";

    private final BusinessFormat format = new BusinessFormat(Locale.getDefault(Locale.Category.FORMAT), ZoneId.systemDefault());
    private final OeePage page = new OeePage(format);
    private volatile @Nullable OeeService service;
    private @Nullable BackgroundRead<OeeSnapshot> reader;
    private @Nullable MessagePane pane;
    private @Nullable LineChoice<PointPath, PointPath> lineChoice;
    private @Nullable Label definition;
    private @Nullable FigureRow shiftRow;
    private @Nullable FigureRow orderRow;
    private @Nullable ShiftChart chart;
    private @Nullable Label waterfallTitle;
    private @Nullable WaterfallCanvas waterfall;
    private @Nullable Label updated;
    private @Nullable OeeSnapshot shown;

    @Inject
    @Optional
    private @Nullable MPart part;

    @Inject
    void oee(@Optional @Service @Nullable OeeService s) {
        service = s;
        BackgroundRead<OeeSnapshot> r = reader;
        if (r != null) {
            r.request();
        }
    }

    @PostConstruct
    public void create(Composite parent) {
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        Font big = resources.create(FontDescriptor.createFrom(JFaceResources.getDefaultFont()).setStyle(SWT.BOLD)
            .increaseHeight(14));
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        MessagePane p = new MessagePane(parent);
        pane = p;
        Composite c = p.content();
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(8, 10).applyTo(c);

        Composite top = new Composite(c, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(8, 0).applyTo(top);
        LineChoice<PointPath, PointPath> lines = new LineChoice<>(top, Messages.Oee_line, 260, LineChoice.paths(),
            part == null ? null : part.getPersistedState(), PERSISTED_LINE, this::refresh);
        lineChoice = lines;
        Label u = new Label(top, SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(u);
        updated = u;

        shiftRow = new FigureRow(c, big);
        orderRow = new FigureRow(c, big);

        SashForm bottom = new SashForm(c, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 260).applyTo(bottom);
        chart = new ShiftChart(bottom);
        Composite right = new Composite(bottom, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(right);
        Label wt = new Label(right, SWT.NONE);
        wt.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(wt);
        waterfallTitle = wt;
        WaterfallCanvas w = new WaterfallCanvas(right, page::stepValue);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(w.control());
        waterfall = w;
        bottom.setWeights(45, 55);

        Label d = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(d);
        definition = d;

        p.showMessage(Messages.Oee_noServiceTitle, Messages.Oee_noService);
        reader = new BackgroundRead<>(parent.getDisplay(), "OEE view", REFRESH_MS,
            () -> OeeSnapshot.read(service, lines.chosen(), Instant.now()), this::show);
    }

    /** Reads the figures again now (the view also does every {@link #REFRESH_MS}). */
    public void refresh() {
        BackgroundRead<OeeSnapshot> r = reader;
        if (r != null) {
            r.request();
        }
    }

    private void show(OeeSnapshot s) {
        MessagePane p = pane;
        if (p == null || p.control().isDisposed()) {
            return;
        }
        shown = s;
        OeePage.Notice notice = page.message(s);
        if (notice != null) {
            p.showMessage(notice.title(), notice.text());
            return;
        }
        req(lineChoice).show(s.lines(), s.line());
        req(shiftRow).show(page.shiftHeading(s.shift()), page.tiles(s.shift()));
        req(orderRow).show(page.orderHeading(s.order()), page.tiles(s.order()));
        req(chart).show(page.shiftLabels(s), OeePage.shiftOee(s));
        req(waterfallTitle).setText(page.waterfallTitle(s));
        req(waterfall).show(OeePage.waterfall(s));
        req(definition).setText(page.definition(s));
        req(updated).setText(NLS.bind(Messages.Oee_updated, format.timeSeconds(s.readAt())));
        p.showContent();
        p.content().layout(true, true);
    }

    private static <T> T req(@Nullable T t) {
        if (t == null) {
            throw new IllegalStateException("the OEE view is not created");
        }
        return t;
    }

    @Focus
    public void focus() {
        LineChoice<PointPath, PointPath> l = lineChoice;
        Combo c = l == null ? null : l.control();
        if (c != null && !c.isDisposed()) {
            c.setFocus();
        }
    }

    @PreDestroy
    public void dispose() {
        BackgroundRead<OeeSnapshot> r = reader;
        if (r != null) {
            r.close();
        }
    }

    // --- what the view shows, for tests ---------------------------------------------------------

    /** The last snapshot shown, {@code null} before the first read. */
    public @Nullable OeeSnapshot snapshot() {
        return shown;
    }

    /** The message shown in place of the figures; empty while figures show. */
    public String message() {
        return req(pane).message();
    }

    /** The headings of the shift and order rows. */
    public List<String> headings() {
        return List.of(req(shiftRow).heading(), req(orderRow).heading());
    }

    /** The four figures of the shift row, then of the order row, as written. */
    public List<String> figures() {
        return java.util.stream.Stream.concat(req(shiftRow).values().stream(), req(orderRow).values().stream()).toList();
    }

    /** The definition sentence. */
    public String definition() {
        return req(definition).getText();
    }

    /** The labels of the last shifts' bars. */
    public String[] shiftCategories() {
        return req(chart).categories();
    }

    /** The OEE of the last shifts' bars, in percent. */
    public double[] shiftValues() {
        return req(chart).values();
    }

    /** The waterfall's steps as drawn. */
    public List<Step> waterfall() {
        return req(waterfall).steps();
    }

    /** The lines offered. */
    public List<String> lines() {
        return req(lineChoice).items();
    }

    /** Shows another line, as picking it in the list does. */
    public void showLine(PointPath line) {
        req(lineChoice).pick(line);
    }
}
