package io.convergence.sim.erp;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A running simulated ERP. Registered as a service with the properties {@code port} and
 * {@code jdbc.url}.
 */
public interface SimulatedErp {

    /** The configuration PID of the simulated ERP. */
    String PID = "io.convergence.sim.erp";

    /** The JDBC URL a client uses, such as {@code jdbc:h2:tcp://127.0.0.1:9092/mem:erp}. */
    String jdbcUrl();

    /** The TCP port the database listens on, on loopback. */
    int port();

    /** The reporting account: it may read every table and change nothing. */
    String user();

    /** The seed its content follows from. */
    long seed();

    /** When its plan begins: the first order is planned to start then. */
    Instant anchor();

    /**
     * A connection as the database's owner, over TCP like any client: it may change anything, as
     * an ERP's own programs do. For tests and tools; the caller closes it.
     */
    Connection openAsOwner() throws SQLException;
}
