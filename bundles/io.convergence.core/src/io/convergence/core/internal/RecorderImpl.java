package io.convergence.core.internal;

import java.time.Duration;
import java.util.List;

import io.convergence.api.bus.SampleBus;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.historian.Historian;
import io.convergence.api.point.SampleBatch;
import io.convergence.core.Recorder;
import io.convergence.core.RecorderStatus;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@link RecordingQueue} out to the historian from a thread of its own, merging whatever
 * queued up meanwhile into one append: the slower the disk, the larger the appends, so the historian
 * keeps up. {@link AppendPolicy} decides what a failed append means: the storage's failures are
 * retried, the data's are narrowed down to the samples at fault, which are set aside.
 *
 * <p>When the component goes, what it holds is either written or handed on, never dropped silently:
 * when the runtime stops (the framework or this bundle stops, the component is disabled, the bus goes)
 * it writes out everything queued, then a gap marker after each recorded point's last sample; when
 * only the historian or this configuration changes, it writes out what is queued and leaves the queue,
 * still subscribed to the bus, to the next recorder. Immediate: it records whenever a historian is
 * there, whether or not anyone asks for its status.
 */
@Component(service = Recorder.class, configurationPid = RecorderImpl.PID, immediate = true)
@Designate(ocd = RecorderImpl.Config.class)
public final class RecorderImpl implements Recorder {

    static final String PID = "io.convergence.core.recorder";
    private static final Logger LOG = LoggerFactory.getLogger(RecorderImpl.class);
    private static final Duration STOP_DRAIN = Duration.ofSeconds(20);
    private static final Duration HANDOVER_DRAIN = Duration.ofSeconds(5);

    @ObjectClassDefinition(name = "Recorder", description = "Stores every sample of the bus in the historian.")
    public @interface Config {
        @AttributeDefinition(name = "Largest append", description = "Most samples written in one append.", min = "1000")
        int maxAppendSamples() default 200_000;

        @AttributeDefinition(name = "Queue (MB)", description = "Memory for samples waiting for the historian."
            + " Full while the historian is only behind: publishers wait. Full while it cannot store (a full"
            + " disk): new samples are dropped, counted, and marked as a gap.", min = "1")
        int maxQueuedMegabytes() default 256;
    }

    private final BundleContext context;
    private final SampleBus bus;
    private final RecordingQueue queue;
    private final AppendPolicy appends;
    private final int maxAppend;
    private final Thread writer;
    private volatile boolean running = true;

    /** Where outages, drops and rejects are reported; recording works without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile @Nullable EventBus events;

    @Activate
    public RecorderImpl(BundleContext context, @Reference SampleBus bus, @Reference Historian historian, Config config) {
        this.context = context;
        this.bus = bus;
        this.maxAppend = config.maxAppendSamples();
        this.queue = RecordingQueue.claim(bus, (long) config.maxQueuedMegabytes() << 20);
        this.appends = new AppendPolicy(historian, queue, this::publish, () -> running);
        queue.attach(this::publish);
        this.writer = new Thread(this::write, "convergence-recorder");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    private void write() {
        try {
            while (running) {
                if (queue.hasDrops() && !queue.failing()) {
                    SampleBatch gaps = queue.dropGaps();
                    if (!appends.storeAll(gaps)) {
                        break;
                    }
                    LOG.info("marked a gap for {} points whose samples were dropped", gaps.size());
                }
                List<RecordingQueue.Entry> taken = queue.take(maxAppend, 100);
                if (!taken.isEmpty() && !appends.storeTaken(taken)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    @Override
    public RecorderStatus status() {
        RecordingQueue.Snapshot s = queue.snapshot();
        long pending = s.received() - s.stored() - s.rejected() - s.dropped();
        return new RecorderStatus(s.received(), s.stored(), pending, s.failedAppends(), s.lastError(), s.rejected(),
            s.dropped(), s.heldBytes(), s.historian());
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // What was published before this call must have come, not only what has come so far.
        long published = queue.publishedSince();
        while (queue.delivered() < published) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        long target = -1;
        while (System.nanoTime() < deadline) {
            // What the bus has handed over so far must be received, then stored (or accounted for).
            RecorderStatus s = status();
            if (target < 0 || s.received() > target) {
                target = s.received();
            }
            if (s.stored() + s.rejected() + s.dropped() >= target && queue.isEmpty()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public int endSeries() throws InterruptedException {
        SampleBatch gaps = queue.ends().openEnds();
        if (gaps.isEmpty()) {
            return 0;
        }
        if (!appends.storeAll(gaps)) {
            LOG.warn("the gap markers that end the recorded series of {} points could not be stored", gaps.size());
            return 0;
        }
        LOG.info("marked the end of the recorded series of {} points", gaps.size());
        return gaps.size();
    }

    private void publish(Event e) {
        EventBus b = events;
        if (b != null) {
            b.publish(e);
        }
    }

    @Deactivate
    void deactivate(int reason) throws InterruptedException {
        running = false;
        appends.wake();
        writer.join(30_000);
        if (stopping(reason)) {
            appends.drain(maxAppend, STOP_DRAIN);
            // The bus delivers what it still had for us before the subscription closes; without a writer
            // the queue takes it without holding the bus up (what does not fit is dropped and counted).
            queue.detach();
            queue.closeSubscription();
            appends.drain(maxAppend, STOP_DRAIN);
            endSeries();
            queue.close();
            RecorderStatus s = status();
            if (s.dropped() > 0) {
                LOG.warn("the recorder stopped; {} samples could not be stored", s.dropped());
            }
        } else {
            appends.drain(maxAppend, HANDOVER_DRAIN);
            queue.release();
        }
    }

    /**
     * Whether the recording stops for good, rather than a historian or a configuration being replaced:
     * the framework or this bundle stops, the component was disabled, or the bus it records went away.
     */
    private boolean stopping(int reason) {
        if (reason == ComponentConstants.DEACTIVATION_REASON_DISABLED
            || reason == ComponentConstants.DEACTIVATION_REASON_DISPOSED
            || reason == ComponentConstants.DEACTIVATION_REASON_BUNDLE_STOPPED) {
            return true;
        }
        try {
            if (context.getBundle(0).getState() == Bundle.STOPPING || context.getBundle().getState() == Bundle.STOPPING) {
                return true;
            }
            for (ServiceReference<SampleBus> ref : context.getServiceReferences(SampleBus.class, null)) {
                SampleBus b = context.getService(ref);
                context.ungetService(ref);
                if (b == bus) {
                    return false;
                }
            }
            return true;
        } catch (IllegalStateException | InvalidSyntaxException e) {
            return true;
        }
    }
}
