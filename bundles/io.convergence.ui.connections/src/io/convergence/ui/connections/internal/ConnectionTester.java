package io.convergence.ui.connections.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.convergence.api.config.AttributeSpec;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.CertificateDetails;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;

import org.eclipse.core.runtime.IProgressMonitor;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a connection without saving it: applies the form's configuration under a separate source
 * ({@code test:<id>}) and id ({@code <id>~test}), watches the new connector's
 * {@link Connector#state()} until it is CONNECTED or FAILED, reports a problem that needs the user
 * (anything but an unreachable server), or the time is up, and removes the configuration again.
 * Works for any connector type: it only watches the state and its {@link ConnectorProblem}.
 * Blocking: run it in a background job.
 *
 * <p>A test can carry an {@link Approval}: when the connector offers that action for exactly the
 * certificate the user approved, the test takes it ({@link Connector#act}) and watches on; this is
 * how trusting a certificate from the editor reaches the connector that met it.
 */
public final class ConnectionTester {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTester.class);

    /** The source name of a test configuration starts with this. */
    public static final String SOURCE_PREFIX = "test:";
    /** A test connector's id is the connection's id followed by this. */
    public static final String ID_SUFFIX = "~test";
    /** How long a test watches the connector by default. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Settings overridden for a test, where the connector type has them: a test connects, it
     * does not subscribe to and record the whole address space.
     */
    static final Map<String, Object> TEST_OVERRIDES = Map.of("subscribeAll", Boolean.FALSE);

    private static final long POLL_MS = 100;
    private static final Duration ACT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What the user approved for the test connector to do.
     *
     * @param action the action's id, such as {@link ConnectorProblem#TRUST_CERTIFICATE}
     * @param certificate the certificate the user saw; the action is taken only for this one
     */
    public record Approval(String action, CertificateDetails certificate) {
    }

    private final BundleContext context;
    private final ConfigurationService files;

    public ConnectionTester(BundleContext context, ConfigurationService files) {
        this.context = context;
        this.files = files;
    }

    /**
     * Tests the connection the form describes.
     *
     * @param form the form; not edited while this runs
     * @param timeout how long to watch the connector
     * @param monitor progress and cancellation
     * @param states called with every state the test connector enters
     */
    public TestResult test(FormModel form, Duration timeout, IProgressMonitor monitor, Consumer<ConnectorState> states) {
        return test(form, timeout, monitor, states, null);
    }

    /**
     * Tests the connection the form describes and, when the connector asks for it, takes the
     * approved action.
     *
     * @param approval what the user approved; {@code null} for none
     */
    public TestResult test(FormModel form, Duration timeout, IProgressMonitor monitor, Consumer<ConnectorState> states,
                           @Nullable Approval approval) {
        String baseId = form.id().isEmpty() ? "connection" : form.id();
        String testId = baseId + ID_SUFFIX;
        String source = SOURCE_PREFIX + baseId;
        Map<String, Object> props = new LinkedHashMap<>(form.properties());
        props.put(ConfigurationService.ID, testId);
        for (FormField f : form.fields()) {
            Object override = TEST_OVERRIDES.get(f.id());
            if (override instanceof Boolean && f.type() == AttributeSpec.Type.BOOLEAN) {
                props.put(f.id(), override);
            }
        }
        int ticks = (int) Math.max(1, timeout.toMillis() / POLL_MS);
        monitor.beginTask("Testing connection '" + baseId + "'", ticks + 2);
        long before = newestServiceId(testId);
        try {
            files.apply(source, form.toJson(props));
        } catch (SecretSealer.SealException e) {
            monitor.done();
            return new TestResult(TestResult.Outcome.INVALID, e.getMessage(), null, List.of());
        } catch (ConfigException e) {
            monitor.done();
            return new TestResult(TestResult.Outcome.INVALID, "the configuration was refused; see the fields",
                null, e.problems());
        }
        monitor.worked(1);
        try {
            return watch(testId, before, ticks, monitor, states, approval);
        } finally {
            try {
                files.remove(source);
            } catch (ConfigException e) {
                LOG.warn("could not remove the test configuration {}: {}", source, e.getMessage());
            }
            monitor.done();
        }
    }

    private TestResult watch(String testId, long before, int ticks, IProgressMonitor monitor,
                             Consumer<ConnectorState> states, @Nullable Approval approval) {
        ConnectorState last = null;
        boolean acted = false;
        for (int i = 0; i < ticks; i++) {
            if (monitor.isCanceled()) {
                return new TestResult(TestResult.Outcome.CANCELLED, "cancelled", last, List.of());
            }
            ServiceReference<Connector> ref = newest(testId, before);
            ConnectorState s = ref == null ? null : state(ref);
            if (s != null && !Objects.equals(s, last)) {
                last = s;
                states.accept(s);
                monitor.subTask(s.status() + ": " + s.detail());
            }
            ConnectorProblem p = s == null ? null : s.problem();
            if (approval != null && !acted && p != null && p.offers(approval.action())) {
                if (!approval.certificate().equals(p.certificate())) {
                    return new TestResult(TestResult.Outcome.FAILED, "the server now presents another certificate than "
                        + "the one you reviewed (" + p.certificate() + "); nothing was trusted. Test again and review it",
                        s, List.of());
                }
                String failure = act(ref, approval.action());
                if (failure != null) {
                    return new TestResult(TestResult.Outcome.FAILED, failure, s, List.of());
                }
                acted = true;
                continue;
            }
            if (s != null && s.status() == Status.CONNECTED) {
                return new TestResult(TestResult.Outcome.CONNECTED, s.detail(), s, List.of());
            }
            if (s != null && (s.status() == Status.FAILED
                || p != null && !ConnectorProblem.UNREACHABLE.equals(p.type()))) {
                return new TestResult(TestResult.Outcome.FAILED, s.detail(), s, List.of());
            }
            monitor.worked(1);
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new TestResult(TestResult.Outcome.CANCELLED, "interrupted", last, List.of());
            }
        }
        long seconds = Math.round(ticks * POLL_MS / 1000.0);
        String detail = last == null
            ? "no connector started within " + seconds + " s; is the bundle of this connector type started?"
            : "not connected within " + seconds + " s; last state " + last.status() + ": " + last.detail();
        return new TestResult(TestResult.Outcome.TIMED_OUT, detail, last, List.of());
    }

    /** Takes an action; the failure's message, or {@code null} if it was done. */
    private @Nullable String act(ServiceReference<Connector> ref, String action) {
        Connector c = context.getService(ref);
        if (c == null) {
            return "the test connector went away before it could " + action;
        }
        try {
            c.act(action).get(ACT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return "the connector could not " + action + ": " + (e.getCause() == null ? e : e.getCause()).getMessage();
        } catch (TimeoutException e) {
            return "the connector did not " + action + " within " + ACT_TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            context.ungetService(ref);
        }
    }

    /** The test connector registered after {@code before}; {@code null} if none is. */
    private @Nullable ServiceReference<Connector> newest(String testId, long before) {
        for (ServiceReference<Connector> ref : refs(testId)) {
            if (serviceId(ref) > before) {
                return ref;
            }
        }
        return null;
    }

    private @Nullable ConnectorState state(ServiceReference<Connector> ref) {
        Connector c = context.getService(ref);
        if (c == null) {
            return null;
        }
        try {
            return c.state();
        } catch (RuntimeException e) {
            return new ConnectorState(Status.FAILED, "the connector could not say its state: " + e, java.time.Instant.now());
        } finally {
            context.ungetService(ref);
        }
    }

    /** A connector of an earlier test may still be going away: only a newer service counts. */
    private long newestServiceId(String testId) {
        return refs(testId).stream().mapToLong(ConnectionTester::serviceId).max().orElse(-1);
    }

    private List<ServiceReference<Connector>> refs(String id) {
        try {
            return List.copyOf(context.getServiceReferences(Connector.class,
                "(" + Connector.ID_PROPERTY + "=" + ConnectionFiles.escape(id) + ")"));
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static long serviceId(ServiceReference<?> ref) {
        return ref.getProperty(Constants.SERVICE_ID) instanceof Long l ? l : -1;
    }
}
