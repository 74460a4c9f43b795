package io.convergence.analytics.oee.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.convergence.analytics.oee.core.Corrections;
import io.convergence.analytics.oee.core.OeeJson;
import io.convergence.analytics.oee.core.OeeRun;
import io.convergence.api.business.BusinessData;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelHost;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link OeeService} over every OEE model: closed periods and ended stops read from what the
 * models stored in the historian, the running ones from the live runs; corrections kept in a file
 * per model next to the host's checkpoints and applied by asking the host to recompute.
 */
@Component(service = OeeService.class)
public final class OeeServiceComponent implements OeeService {

    /** Periods are stamped at their start: reading this far back finds every one that reaches into a range. */
    private static final Duration SHIFT_REACH = Duration.ofDays(2);
    private static final Duration ORDER_REACH = Duration.ofDays(RunMemoryDays.DAYS);
    private static final String DATA_DIR = "convergence.historian.dataDir";

    private final BundleContext context;
    private final Map<PointPath, OeeModel> models = new ConcurrentHashMap<>();
    private volatile @Nullable Historian historian;
    private volatile @Nullable ModelHost host;

    @Activate
    public OeeServiceComponent(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        target = "(" + AnalyticsModel.TYPE_PROPERTY + "=" + OeeModel.TYPE + ")")
    void addModel(AnalyticsModel m) {
        if (m instanceof OeeModel o) {
            models.put(o.line(), o);
            loadCorrections(o);
        }
    }

    void removeModel(AnalyticsModel m) {
        if (m instanceof OeeModel o) {
            models.remove(o.line(), o);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void setHistorian(Historian h) {
        historian = h;
        models.values().forEach(this::loadCorrections);
    }

    void unsetHistorian(Historian h) {
        if (historian == h) {
            historian = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void setHost(ModelHost h) {
        host = h;
    }

    void unsetHost(ModelHost h) {
        if (host == h) {
            host = null;
        }
    }

    @Override
    public List<PointPath> lines() {
        return models.keySet().stream().sorted().toList();
    }

    @Override
    public List<OeeFigures> figures(PointPath line, Period period, Instant from, Instant to) throws OeeException {
        OeeModel m = model(line);
        OeeRun.Outputs out = OeeRun.Outputs.of(m.settings().oeePath());
        PointPath point = switch (period) {
            case SHIFT -> out.shift();
            case ORDER -> out.order();
            case HOUR -> out.hour();
        };
        TreeMap<Instant, OeeFigures> found = new TreeMap<>();
        Instant start = from.minus(period == Period.ORDER ? ORDER_REACH : SHIFT_REACH);
        for (String json : stored(point, start, to)) {
            OeeFigures f = OeeJson.figures(json);
            if (f.from().isBefore(to) && f.to().isAfter(from)) {
                found.put(f.from(), f);
            }
        }
        m.live().of(period).filter(f -> f.from().isBefore(to) && !f.to().isBefore(from))
            .ifPresent(f -> found.putIfAbsent(f.from(), f));
        return List.copyOf(found.values());
    }

    @Override
    public Optional<OeeFigures> current(PointPath line, Period period) throws OeeException {
        return model(line).live().of(period);
    }

    @Override
    public List<Stop> stops(PointPath line, Instant from, Instant to) throws OeeException {
        OeeModel m = model(line);
        TreeMap<Instant, Stop> found = new TreeMap<>();
        for (String json : stored(OeeRun.Outputs.of(m.settings().oeePath()).stops(), from.minus(ORDER_REACH), to)) {
            Stop s = OeeJson.stop(json);
            if (s.start().isBefore(to) && (s.end() == null || s.end().isAfter(from))) {
                found.put(s.start(), s);
            }
        }
        Stop running = m.live().stop();
        if (running != null && running.start().isBefore(to)) {
            found.put(running.start(), running);
        }
        List<Stop> list = new ArrayList<>(found.values());
        list.sort(Comparator.comparing(Stop::start));
        return list;
    }

    @Override
    public void reassign(PointPath line, Instant stopStart, String reasonCode) throws OeeException {
        OeeModel m = model(line);
        Stop s = stopAt(line, stopStart);
        checkReason(m, reasonCode);
        correct(m, new Corrections.Entry(Micros.of(s.start()), Long.MIN_VALUE, reasonCode.strip()), s.start());
    }

    @Override
    public void split(PointPath line, Instant stopStart, Instant at, String reasonCode) throws OeeException {
        OeeModel m = model(line);
        Stop s = stopAt(line, stopStart);
        if (!at.isAfter(s.start()) || (s.end() != null && !at.isBefore(s.end()))) {
            throw new OeeException("split: " + at + " is not inside the stop of " + line + " from " + s.start() + " to "
                + (s.end() == null ? "now" : s.end()));
        }
        checkReason(m, reasonCode);
        correct(m, new Corrections.Entry(Micros.of(s.start()), Micros.of(at), reasonCode.strip()), s.start());
    }

    private void correct(OeeModel m, Corrections.Entry e, Instant from) throws OeeException {
        Path dir = dataDir();
        ModelHost h = host;
        if (dir == null || h == null) {
            throw new OeeException("corrections need the historian and the model host running; "
                + (dir == null ? "no historian with a data folder is" : "no model host is"));
        }
        Corrections next = m.corrections().with(e);
        try {
            CorrectionFile.write(CorrectionFile.of(dir, m.id()), next);
        } catch (IOException x) {
            throw new OeeException("the correction could not be saved: " + x.getMessage(), x);
        }
        m.corrections(next);
        // To now: the recompute then goes on live from the corrected state, and every period after
        // the stop that the correction changes (an order still running) is computed again.
        h.recompute(m.id(), from, Instant.now());
    }

    private Stop stopAt(PointPath line, Instant start) throws OeeException {
        for (Stop s : stops(line, start, start.plusNanos(1000))) {
            if (s.start().equals(start)) {
                return s;
            }
        }
        throw new OeeException("no stop of " + line + " starts at " + start);
    }

    private void checkReason(OeeModel m, String code) throws OeeException {
        if (code.isBlank() || code.strip().contains(" ")) {
            throw new OeeException("'" + code + "' is not a reason code");
        }
        String source = m.settings().erpSource();
        if (source == null) {
            return;
        }
        try {
            for (ServiceReference<BusinessData> r : context.getServiceReferences(BusinessData.class,
                "(" + BusinessData.SOURCE_PROPERTY + "=" + source + ")")) {
                BusinessData b = context.getService(r);
                if (b != null) {
                    try {
                        if (b.reasonCode(code.strip()).isEmpty()) {
                            throw new OeeException("reason code '" + code + "' is not one of " + source + "'s: "
                                + b.reasonCodes().stream().map(c -> c.code()).toList());
                        }
                        return;
                    } finally {
                        context.ungetService(r);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new OeeException("ERP source '" + source + "' cannot be looked up: " + e.getMessage(), e);
        }
    }

    private List<String> stored(PointPath point, Instant from, Instant to) throws OeeException {
        Historian h = historian;
        if (h == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            h.read(List.of(point), from, to, 10_000, b -> {
                for (int i = 0; i < b.size(); i++) {
                    String t = b.text(i);
                    if (t != null) {
                        out.add(t);
                    }
                }
            });
        } catch (HistorianException e) {
            throw new OeeException("the stored figures of " + point + " cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    private OeeModel model(PointPath line) throws OeeException {
        OeeModel m = models.get(line);
        if (m == null) {
            throw new OeeException("line " + line + " has no OEE configuration; lines with one: " + lines());
        }
        return m;
    }

    private @Nullable Path dataDir() {
        try {
            for (ServiceReference<Historian> r : context.getServiceReferences(Historian.class, null)) {
                Object d = r.getProperty(DATA_DIR);
                if (d != null) {
                    return Path.of(d.toString());
                }
            }
        } catch (InvalidSyntaxException e) {
            // no filter given
        }
        return null;
    }

    private void loadCorrections(OeeModel m) {
        Path dir = dataDir();
        if (dir == null) {
            return;
        }
        try {
            m.corrections(CorrectionFile.read(CorrectionFile.of(dir, m.id())));
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(OeeServiceComponent.class).warn("OEE model '{}': corrections not read: {}",
                m.id(), e.getMessage());
        }
    }

    /** How far back orders are looked for: as far as the runs remember them. */
    private static final class RunMemoryDays {
        static final int DAYS = 8;
    }
}
