package io.convergence.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.convergence.api.bus.BusSubscription;
import io.convergence.api.bus.Delivery;
import io.convergence.api.bus.SampleBus;
import io.convergence.api.connector.CertificateDetails;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.connector.ConnectorSupport;
import io.convergence.api.event.Event;
import io.convergence.api.event.EventBus;
import io.convergence.api.event.Registration;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointChange;
import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.PointRegistry;
import io.convergence.api.point.Quality;
import io.convergence.api.point.SampleBatch;
import io.convergence.testing.Osgi;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** What API 1.1 adds, on the core runtime's real services: filters, point listeners, connector support. */
class ExtensionContractTest {

    private static final PointPath LINE = PointPath.parse("acme/test/contract/line1");

    @Test
    void aFilteredSubscriberReceivesOnlyTheRowsOfItsPointsAndNoEmptyBatches() throws Exception {
        SampleBus bus = Osgi.await(SampleBus.class);
        BlockingQueue<SampleBatch> got = new LinkedBlockingQueue<>();
        PointPath mine = LINE.child("speed");
        PointPath other = PointPath.parse("acme/test/contract/line2/speed");
        try (BusSubscription sub = bus.subscribe("filter-test", Delivery.EVERY_BATCH, PointFilter.paths(mine), got::add)) {
            bus.publish(SampleBatch.builder(1).add(other, 1, 1, Quality.GOOD).build());
            bus.publish(SampleBatch.builder(3).add(other, 2, 2, Quality.GOOD).add(mine, 3, 3, Quality.GOOD)
                .add(other, 4, 4, Quality.GOOD).build());
            SampleBatch b = got.poll(5, TimeUnit.SECONDS);
            assertNotNull(b);
            assertEquals(1, b.size());
            assertEquals(mine, b.point(0));
            assertEquals(3.0, b.number(0));
            assertNull(got.poll(300, TimeUnit.MILLISECONDS), "the batch without a row of mine was not delivered");
            assertEquals(1, sub.deliveredSamples());
        }
    }

    @Test
    void aPointListenerHearsOfThePointsKnownAndThenOfEveryChange() throws Exception {
        PointRegistry registry = Osgi.await(PointRegistry.class);
        PointInfo speed = new PointInfo(LINE.child("speed"), DataType.DOUBLE, "1/min", "", "contract-src", null);
        PointInfo state = new PointInfo(LINE.child("state"), DataType.STRING, "", "", "contract-src", null);
        registry.announce("contract-src", List.of(speed));
        BlockingQueue<PointChange> changes = new LinkedBlockingQueue<>();
        try (Registration r = registry.addListener(c -> {
            if (c.source().equals("contract-src")) {
                changes.add(c);
            }
        })) {
            PointChange first = changes.poll(5, TimeUnit.SECONDS);
            assertEquals(List.of(speed), first.added(), "told what is known already");

            PointInfo speedInRpm = new PointInfo(speed.path(), DataType.DOUBLE, "rpm", "", "contract-src", null);
            registry.announce("contract-src", List.of(speedInRpm, state));
            PointChange second = changes.poll(5, TimeUnit.SECONDS);
            assertEquals(List.of(state), second.added());
            assertEquals(List.of(speedInRpm), second.changed());
            assertTrue(second.removed().isEmpty());

            registry.withdraw("contract-src");
            PointChange third = changes.poll(5, TimeUnit.SECONDS);
            assertEquals(2, third.removed().size());
        }
    }

    @Test
    void connectorSupportRegistersReportsStatesWithProblemsAndCleansUp() throws Exception {
        EventBus events = Osgi.await(EventBus.class);
        PointRegistry registry = Osgi.await(PointRegistry.class);
        List<Event> seen = Collections.synchronizedList(new ArrayList<>());
        PointInfo p = new PointInfo(LINE.child("temp"), DataType.DOUBLE, "°C", "", "support-test", "t");
        try (Registration r = events.subscribe(e -> e.source().equals("support-test"), seen::add)) {
            ConnectorSupport support = new ConnectorSupport("support-test", "example", events, registry,
                Map.of("endpoint", "x://y"));
            Connector c = new Connector() {
                @Override
                public String id() {
                    return "support-test";
                }

                @Override
                public ConnectorState state() {
                    return support.state();
                }

                @Override
                public List<PointInfo> points() {
                    return support.points();
                }
            };
            support.announce(List.of(p));
            support.register(FrameworkUtil.getBundle(getClass()).getBundleContext(), c);
            ServiceReference<Connector> ref = Osgi.context(getClass()).getServiceReferences(Connector.class,
                "(&(" + Connector.ID_PROPERTY + "=support-test)(" + Connector.TYPE_PROPERTY + "=example))")
                .iterator().next();
            assertNotNull(ref);
            assertTrue(registry.find(p.path()).isPresent());

            support.state(Status.CONNECTED, "up");
            support.state(Status.CONNECTED, "up");
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getMimeDecoder().decode(Certificates.PEM)));
            CertificateDetails details = CertificateDetails.of(cert);
            assertEquals("CN=Test Server,O=Convergence Tests", details.subject());
            assertEquals(List.of("urn:test:server", "localhost"), details.alternativeNames());
            support.fail(ConnectorProblem.untrustedCertificate("the server's certificate is not trusted", details));
            ConnectorState failed = support.state();
            assertEquals(Status.FAILED, failed.status());
            assertEquals(ConnectorProblem.UNTRUSTED_CERTIFICATE, failed.problem().type());
            assertTrue(failed.problem().offers(ConnectorProblem.TRUST_CERTIFICATE));
            assertEquals(details.sha1(), failed.problem().certificate().sha1());
            assertTrue(details.sha1().matches("([0-9A-F]{2}:){19}[0-9A-F]{2}"), details.sha1());

            assertEquals(SampleBatch.class, support.gaps(5).getClass());
            assertTrue(support.gaps(5).isGap(0));
            support.close();
            assertTrue(registry.find(p.path()).isEmpty(), "points withdrawn");
            assertTrue(Osgi.context(getClass()).getServiceReferences(Connector.class, "(" + Connector.ID_PROPERTY
                + "=support-test)").isEmpty(), "service gone");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        List<String> states = seen.stream().map(e -> e.attributes().get("state")).toList();
        assertEquals(List.of("CONNECTED", "FAILED", "DISCONNECTED"), states, "each change once, in order");
        assertEquals("untrusted-certificate", seen.get(1).attributes().get("problem"));
        assertEquals("x://y", seen.get(0).attributes().get("endpoint"));
        assertTrue(seen.stream().allMatch(e -> e.type().equals(Event.CONNECTION) && e.time().isBefore(Instant.now().plusSeconds(1))));
    }
}
