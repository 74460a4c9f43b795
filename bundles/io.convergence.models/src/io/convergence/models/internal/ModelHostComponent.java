package io.convergence.models.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.event.Event;
import io.convergence.api.event.Event.Severity;
import io.convergence.api.event.EventBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.model.AnalyticsModel;
import io.convergence.api.model.ModelHost;
import io.convergence.api.model.ModelStatus;
import io.convergence.api.model.ModelStatus.State;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The runtime's {@link ModelHost}: hosts every {@link AnalyticsModel} service as it comes and goes
 * (bundles installed, configurations added, live). For each it announces the outputs under the
 * model's id, and runs it in a {@link HostedModel}; when the service goes, the model is checkpointed
 * and its outputs withdrawn.
 *
 * <p>It needs the historian (history to catch up and recompute from, and the folder its checkpoints
 * live in); when the historian goes, every model is checkpointed and stopped, and starts again from
 * there with the next one.
 */
@Component(service = ModelHost.class, immediate = true, configurationPid = ModelHostComponent.PID)
@Designate(ocd = HostConfig.class)
public final class ModelHostComponent implements ModelHost {

    /** The configuration PID of the host. */
    public static final String PID = "io.convergence.models.host";

    /** The historian's service property naming its data folder (see the embedded historian). */
    static final String DATA_DIR_PROPERTY = "convergence.historian.dataDir";

    /** The folder of checkpoints inside the historian's data folder. */
    static final String CHECKPOINT_FOLDER = "models";

    private final HostServices services;
    private final PointRegistry registry;
    private final ModelEvents events;
    /** Models by service id, in the order they came. */
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private boolean stopped;

    /**
     * A model service: hosted, or not with the reason why.
     *
     * @param waiting whether it waits for its id, taken by another model, to be free
     */
    private record Entry(long serviceId, AnalyticsModel model, Map<String, Object> properties, String id,
                         @Nullable HostedModel hosted, @Nullable ModelStatus problem, boolean waiting) {
    }

    @Activate
    public ModelHostComponent(BundleContext context, HostConfig config, @Reference SampleBus bus,
                              @Reference PointRegistry registry, @Reference EventBus eventBus,
                              @Reference(service = Historian.class) Map.Entry<Map<String, Object>, Historian> historian) {
        this.registry = registry;
        this.events = new ModelEvents(eventBus);
        Historian h = historian.getValue();
        CheckpointStore store = new CheckpointStore(checkpointFolder(context, config, historian.getKey()));
        this.services = new HostServices(bus, registry, events, h, store,
            new StoreBarrier(bus, h, Duration.ofMillis(300), Duration.ofSeconds(30)), new Replayer(h), new HistoryFeed(h),
            Duration.ofMillis(Math.max(10, config.advanceMillis())), Duration.ofSeconds(Math.max(1, config.checkpointSeconds())),
            Math.max(1000, config.maxQueuedSamples()), Duration.ofSeconds(Math.max(1, config.retrySeconds())),
            Duration.ofSeconds(10));
    }

    /** The configured folder; else {@code models/} in the historian's data folder; else the bundle's own. */
    private static Path checkpointFolder(BundleContext context, HostConfig config, Map<String, Object> historian) {
        if (!config.checkpointDir().isBlank()) {
            return Path.of(config.checkpointDir());
        }
        if (historian.get(DATA_DIR_PROPERTY) instanceof String dir && !dir.isBlank()) {
            return Path.of(dir).resolve(CHECKPOINT_FOLDER);
        }
        return context.getDataFile(CHECKPOINT_FOLDER).toPath();
    }

    @Reference(service = AnalyticsModel.class, cardinality = ReferenceCardinality.MULTIPLE,
        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addModel(AnalyticsModel model, Map<String, Object> properties) {
        long serviceId = (Long) properties.get(Constants.SERVICE_ID);
        String type = properties.get(AnalyticsModel.TYPE_PROPERTY) instanceof String t ? t : "";
        synchronized (entries) {
            if (stopped) {
                return;
            }
            String id;
            List<PointInfo> outputs;
            Inputs inputs;
            try {
                id = model.id();
                outputs = List.copyOf(model.outputs());
                Set<PointPath> paths = new HashSet<>();
                outputs.forEach(o -> paths.add(o.path()));
                inputs = new Inputs(model.inputs(), paths);
                checkId(id);
            } catch (RuntimeException | LinkageError e) {
                String name = describe(model, properties);
                String message = "model " + name + " cannot be hosted: " + ModelFailure.describe(e);
                events.publish(name, ModelEvents.FAILED, Severity.ERROR, message, Map.of());
                entries.put(serviceId, new Entry(serviceId, model, properties, name, null,
                    new ModelStatus(name, type, State.FAILED, message, Instant.EPOCH, 0, 0, 0), false));
                return;
            }
            for (Entry e : entries.values()) {
                if (e.id().equals(id) && e.hosted() != null) {
                    String message = "model id '" + id + "' is already taken by another model (service " + e.serviceId()
                        + "); this one (service " + serviceId + ") waits until that one goes";
                    events.publish(id, ModelEvents.DUPLICATE_ID, Severity.ERROR, message, Map.of());
                    entries.put(serviceId, new Entry(serviceId, model, properties, id, null,
                        new ModelStatus(id, type, State.FAILED, message, Instant.EPOCH, 0, 0, 0), true));
                    return;
                }
            }
            registry.announce(id, outputs);
            HostedModel hosted = new HostedModel(model, id, type, inputs, outputs.stream().map(PointInfo::path).toList(),
                services);
            entries.put(serviceId, new Entry(serviceId, model, properties, id, hosted, null, false));
            hosted.start();
        }
    }

    void removeModel(AnalyticsModel model, Map<String, Object> properties) {
        long serviceId = (Long) properties.get(Constants.SERVICE_ID);
        Entry gone;
        synchronized (entries) {
            gone = entries.remove(serviceId);
        }
        if (gone == null || gone.hosted() == null) {
            return;
        }
        // Outside the lock: the model's last checkpoint may take a moment; other models go on meanwhile.
        gone.hosted().stop();
        registry.withdraw(gone.id());
        promoteWaiting(gone.id());
    }

    /** A model that waited for its id to be free gets it. */
    private void promoteWaiting(String id) {
        Entry waiting = null;
        synchronized (entries) {
            for (Entry e : entries.values()) {
                if (e.id().equals(id) && e.waiting()) {
                    waiting = e;
                    break;
                }
            }
            if (waiting != null) {
                entries.remove(waiting.serviceId());
            }
        }
        if (waiting != null) {
            addModel(waiting.model(), waiting.properties());
        }
    }

    private static void checkId(String id) {
        if (id.isBlank()) {
            throw new IllegalArgumentException("its id is blank");
        }
        if (id.length() > 200) {
            throw new IllegalArgumentException("its id is longer than 200 characters");
        }
    }

    private static String describe(AnalyticsModel model, Map<String, Object> properties) {
        Object id = properties.get(AnalyticsModel.ID_PROPERTY);
        return id instanceof String s && !s.isBlank() ? s : model.getClass().getName();
    }

    @Deactivate
    void deactivate() {
        List<Entry> all;
        synchronized (entries) {
            stopped = true;
            all = new ArrayList<>(entries.values());
            entries.clear();
        }
        for (Entry e : all) {
            if (e.hosted() != null) {
                e.hosted().stop();
                registry.withdraw(e.id());
            }
        }
    }

    @Override
    public List<ModelStatus> models() {
        List<ModelStatus> out = new ArrayList<>();
        synchronized (entries) {
            for (Entry e : entries.values()) {
                out.add(e.hosted() != null ? e.hosted().status() : e.problem());
            }
        }
        out.sort(Comparator.comparing(ModelStatus::id));
        return out;
    }

    @Override
    public CompletableFuture<ModelStatus> recompute(String modelId, Instant from, Instant to) {
        HostedModel hosted = null;
        List<String> known = new ArrayList<>();
        synchronized (entries) {
            for (Entry e : entries.values()) {
                known.add(e.id());
                if (e.id().equals(modelId) && e.hosted() != null) {
                    hosted = e.hosted();
                }
            }
        }
        if (hosted == null) {
            known.sort(null);
            return CompletableFuture.failedFuture(new IllegalArgumentException("no model '" + modelId + "' runs here"
                + (known.isEmpty() ? "; no model does" : "; models: " + String.join(", ", known))));
        }
        return hosted.recompute(from, to, "requested through the model host");
    }

    @Override
    public void replay(AnalyticsModel model, Instant from, Instant to, Consumer<SampleBatch> outputs,
                       Consumer<Event> events) throws HistorianException {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("replay from " + from + " to " + to + " is an empty range");
        }
        String id = model.id();
        Set<PointPath> paths = new HashSet<>();
        model.outputs().forEach(o -> paths.add(o.path()));
        try {
            services.replayer().run(model, id, new Inputs(model.inputs(), paths), paths, HostedModel.micros(from),
                HostedModel.micros(to),
                outputs, events, null, () -> false, false);
        } catch (ModelFailure e) {
            throw new IllegalStateException(e.getMessage(), e.getCause());
        }
    }
}
