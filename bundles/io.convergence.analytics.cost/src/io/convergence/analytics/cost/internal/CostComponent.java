package io.convergence.analytics.cost.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.event.EventBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.oee.CostFigures;
import io.convergence.api.oee.CostService;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.OrderForecast;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.ReasonCost;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CostService} of the product, on the {@link OeeService} and the configured business
 * source, and the watch that publishes {@code order.late} events. Immediate, since the watch must run
 * whether anyone asks for costs or not.
 */
@Component(service = CostService.class, immediate = true, configurationPid = CostComponent.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CostConfig.class)
public final class CostComponent implements CostService {

    static final String PID = "io.convergence.analytics.cost";

    private static final Logger LOG = LoggerFactory.getLogger(CostComponent.class);

    private final OeeService oee;
    private final String source;
    private final String energyPointName;
    private final Map<String, BusinessData> sources = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final LateOrderWatch watch;
    private volatile @Nullable Historian historian;
    private volatile @Nullable EventBus events;

    @Activate
    public CostComponent(@Reference OeeService oee, CostConfig config) {
        this.oee = oee;
        this.source = config.source();
        this.energyPointName = config.energyPointName();
        this.watch = new LateOrderWatch(PID, e -> {
            EventBus bus = events;
            if (bus != null) {
                bus.publish(e);
            }
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cost-late-orders");
            t.setDaemon(true);
            return t;
        });
        int every = Math.max(1, config.checkSeconds());
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void addBusinessData(BusinessData data) {
        sources.put(data.source(), data);
    }

    void removeBusinessData(BusinessData data) {
        sources.remove(data.source(), data);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void setHistorian(Historian h) {
        historian = h;
    }

    void unsetHistorian(Historian h) {
        if (historian == h) {
            historian = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(EventBus bus) {
        events = bus;
    }

    void unsetEvents(EventBus bus) {
        if (events == bus) {
            events = null;
        }
    }

    private CostModel model() throws OeeException {
        BusinessData erp = sources.get(source);
        if (erp == null) {
            throw new OeeException("no business source '" + source + "' (configure " + PID + " 'source', or the SQL"
                + " connector that serves it); sources present: " + (sources.isEmpty() ? "none" : sources.keySet()));
        }
        Historian h = historian;
        return new CostModel(oee, erp, h == null ? EnergyMeter.NONE : new HistorianEnergy(h, energyPointName),
            Clock.systemUTC());
    }

    @Override
    public List<CostFigures> costs(PointPath line, Period period, Instant from, Instant to) throws OeeException {
        return model().costs(line, period, from, to);
    }

    @Override
    public List<ReasonCost> downtimeByReason(PointPath line, Instant from, Instant to) throws OeeException {
        return model().downtimeByReason(line, from, to);
    }

    @Override
    public List<OrderForecast> forecasts(PointPath line) throws OeeException {
        return model().forecasts(line);
    }

    /** Checks every line's running order against its due date. */
    private void check() {
        try {
            if (!sources.containsKey(source)) {
                return;
            }
            CostModel model = model();
            BusinessData erp = sources.get(source);
            for (PointPath line : oee.lines()) {
                try {
                    watch.check(line, model.forecasts(line).stream().filter(f -> erp != null && erp.order(f.order())
                        .map(o -> o.state() == ProductionOrder.State.RUNNING).orElse(false)).toList());
                } catch (OeeException e) {
                    LOG.debug("no forecast for {}: {}", line, e.getMessage());
                }
            }
        } catch (OeeException | RuntimeException e) {
            LOG.warn("checking late orders: {}", e.toString());
        }
    }
}
