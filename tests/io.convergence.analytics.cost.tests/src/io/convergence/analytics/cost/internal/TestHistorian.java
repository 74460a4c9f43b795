package io.convergence.analytics.cost.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.convergence.api.historian.Historian;
import io.convergence.demo.Presets;
import io.convergence.testing.Osgi;
import io.convergence.testing.Wait;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;

/** The embedded historian on a folder of a test, configured as the product does, and gone after. */
final class TestHistorian implements AutoCloseable {

    private final Configuration config;
    final Historian historian;

    TestHistorian(Path folder) throws Exception {
        this.config = Osgi.config(Presets.HISTORIAN_PID, Map.of("dataDir", folder.toString()));
        this.historian = Osgi.await(Historian.class, "", Duration.ofSeconds(20));
    }

    @Override
    public void close() throws Exception {
        config.delete();
        BundleContext ctx = Osgi.context(TestHistorian.class);
        Wait.until("the historian to close", Duration.ofSeconds(20),
            () -> ctx.getServiceReferences(Historian.class, null).isEmpty());
    }
}
