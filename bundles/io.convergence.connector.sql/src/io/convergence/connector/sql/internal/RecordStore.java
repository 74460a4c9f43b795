package io.convergence.connector.sql.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.convergence.api.business.BusinessData;
import io.convergence.api.business.BusinessDataChange;
import io.convergence.api.business.BusinessDataListener;
import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.business.RecordKind;
import io.convergence.api.business.Shift;
import io.convergence.api.business.TariffPeriod;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.event.Registration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records read so far, served as {@link BusinessData}. The poll thread {@linkplain #apply applies}
 * what each query read; readers see every kind's records as one consistent set (each kind's map is
 * replaced whole). Listeners are told on a thread of their own, in order, so a slow listener never
 * holds up the polls.
 */
final class RecordStore implements BusinessData {

    private static final Logger LOG = LoggerFactory.getLogger(RecordStore.class);

    private final String source;
    private final ExecutorService notifier;
    private final List<BusinessDataListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<RecordKind, Map<String, Object>> records = new EnumMap<>(RecordKind.class);

    RecordStore(String source, ExecutorService notifier) {
        this.source = source;
        this.notifier = notifier;
        for (RecordKind k : RecordKind.values()) {
            records.put(k, Map.of());
        }
    }

    /**
     * Takes what a query read: a complete result replaces the kind's records, a partial one adds
     * and replaces the records it holds. Tells the listeners what changed, if anything.
     */
    BusinessDataChange apply(RecordKind kind, RecordQuery.Result result) {
        Map<String, Object> before = map(kind);
        Map<String, Object> after = result.complete() ? new LinkedHashMap<>() : new LinkedHashMap<>(before);
        Set<String> added = new HashSet<>();
        Set<String> changed = new HashSet<>();
        for (Object r : result.records()) {
            String id = Mappings.id(r);
            Object old = before.get(id);
            if (old == null) {
                added.add(id);
            } else if (!old.equals(r)) {
                changed.add(id);
            }
            after.put(id, r);
        }
        Set<String> removed = new HashSet<>();
        if (result.complete()) {
            for (String id : before.keySet()) {
                if (!after.containsKey(id)) {
                    removed.add(id);
                }
            }
        }
        BusinessDataChange change = new BusinessDataChange(source, kind, added, changed, removed);
        synchronized (records) {
            records.put(kind, java.util.Collections.unmodifiableMap(after));
        }
        if (!change.isEmpty()) {
            tell(change);
        }
        return change;
    }

    /** How many records of a kind there are. */
    int count(RecordKind kind) {
        return map(kind).size();
    }

    private void tell(BusinessDataChange change) {
        for (BusinessDataListener l : listeners) {
            try {
                notifier.execute(() -> {
                    try {
                        l.changed(change);
                    } catch (RuntimeException e) {
                        LOG.error("A listener of business data source {} failed", source, e);
                    }
                });
            } catch (RejectedExecutionException e) {
                return; // the connector is stopping
            }
        }
    }

    private Map<String, Object> map(RecordKind kind) {
        synchronized (records) {
            return records.get(kind);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> all(RecordKind kind, Class<T> type) {
        return (List<T>) List.copyOf(map(kind).values());
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<Product> products() {
        return all(RecordKind.PRODUCT, Product.class).stream().sorted(Comparator.comparing(Product::id)).toList();
    }

    @Override
    public Optional<Product> product(String id) {
        return Optional.ofNullable((Product) map(RecordKind.PRODUCT).get(id));
    }

    @Override
    public List<WorkCenter> workCenters() {
        return all(RecordKind.WORK_CENTER, WorkCenter.class).stream().sorted(Comparator.comparing(WorkCenter::id)).toList();
    }

    @Override
    public Optional<WorkCenter> workCenter(String id) {
        return Optional.ofNullable((WorkCenter) map(RecordKind.WORK_CENTER).get(id));
    }

    @Override
    public List<ProductionOrder> orders(String workCenterId, Instant from, Instant to) {
        return all(RecordKind.PRODUCTION_ORDER, ProductionOrder.class).stream()
            .filter(o -> o.workCenterId().equals(workCenterId) && o.overlaps(from, to))
            .sorted(Comparator.comparing((ProductionOrder o) -> o.start()).thenComparing(ProductionOrder::id))
            .toList();
    }

    @Override
    public Optional<ProductionOrder> order(String id) {
        return Optional.ofNullable((ProductionOrder) map(RecordKind.PRODUCTION_ORDER).get(id));
    }

    @Override
    public List<Shift> shifts(String workCenterId, Instant from, Instant to) {
        return all(RecordKind.SHIFT, Shift.class).stream()
            .filter(s -> s.appliesTo(workCenterId) && s.overlaps(from, to))
            .sorted(Comparator.comparing(Shift::start).thenComparing(Shift::id)).toList();
    }

    @Override
    public List<PlannedStop> plannedStops(String workCenterId, Instant from, Instant to) {
        return all(RecordKind.PLANNED_STOP, PlannedStop.class).stream()
            .filter(s -> s.appliesTo(workCenterId) && s.overlaps(from, to))
            .sorted(Comparator.comparing(PlannedStop::start).thenComparing(PlannedStop::id)).toList();
    }

    @Override
    public List<ReasonCode> reasonCodes() {
        return all(RecordKind.REASON_CODE, ReasonCode.class).stream().sorted(Comparator.comparing(ReasonCode::code)).toList();
    }

    @Override
    public Optional<ReasonCode> reasonCode(String code) {
        return Optional.ofNullable((ReasonCode) map(RecordKind.REASON_CODE).get(code));
    }

    @Override
    public List<TariffPeriod> tariff(Instant from, Instant to) {
        return all(RecordKind.TARIFF_PERIOD, TariffPeriod.class).stream().filter(t -> t.overlaps(from, to))
            .sorted(Comparator.comparing(TariffPeriod::start).thenComparing(TariffPeriod::id)).toList();
    }

    @Override
    public Registration addListener(BusinessDataListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public String toString() {
        return "business data of " + source;
    }
}
