package io.convergence.testing.ui;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.convergence.api.business.BusinessData;
import io.convergence.api.config.ConfigurationService;
import io.convergence.demo.Presets;
import io.convergence.sim.erp.SimulatedErp;
import io.convergence.testing.Osgi;

/**
 * The simulated ERP (H2 over TCP on a free loopback port) and the SQL connector reading it, as the
 * demo configures them: the real {@link BusinessData} of source {@code erp}, for a view's tests.
 */
public final class Erp implements AutoCloseable {

    private static final String ERP_CONFIG = "test:views-erp";
    private static final String SQL_CONFIG = "test:views-sql";

    public final SimulatedErp erp;
    public final BusinessData data;

    private Erp(SimulatedErp erp, BusinessData data) {
        this.erp = erp;
        this.data = data;
    }

    /** Starts both and waits until the connector has read every kind of record. */
    public static Erp start(long seed) throws Exception {
        ConfigurationService config = Osgi.await(ConfigurationService.class);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        config.apply(ERP_CONFIG, Presets.erp(port, seed, "erp-secret"));
        SimulatedErp erp = Osgi.await(SimulatedErp.class, "(port=" + port + ")", Duration.ofSeconds(60));
        config.apply(SQL_CONFIG, Presets.sqlErp("erp", erp.jdbcUrl(), Presets.ERP_USER, "erp-secret"));
        BusinessData data = Osgi.await(BusinessData.class, "(" + BusinessData.SOURCE_PROPERTY + "=erp)", Duration.ofSeconds(30));
        return new Erp(erp, data);
    }

    @Override
    public void close() throws IOException {
        try {
            ConfigurationService config = Osgi.await(ConfigurationService.class);
            config.remove(SQL_CONFIG);
            config.remove(ERP_CONFIG);
        } catch (Exception e) {
            throw new IOException("could not remove the test ERP's configurations", e);
        }
    }
}
