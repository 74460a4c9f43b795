package io.convergence.connector.sql.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The settings of one SQL connector, one factory configuration per database. A record query's
 * columns are named (aliased) after the record's fields, in any case, with or without underscores:
 * {@code ideal_cycle_s AS ideal_cycle_seconds} fills {@code idealCycleSeconds}. docs/analytics/
 * erp-schema.md lists the fields of every kind.
 */
@ObjectClassDefinition(id = SqlConnector.FACTORY_PID, name = "SQL connector",
    description = "Polls a database (an ERP, an MES) with configured queries: rows become points, and business "
        + "records (products, work centres, orders, shifts, planned stops, reason codes, energy tariff) that models read.")
public @interface SqlConfig {

    @AttributeDefinition(name = "Connector id", description = "Unique id of this connector in the runtime; the source of its points and events.")
    String id();

    @AttributeDefinition(name = "JDBC URL", description = "The database: jdbc:postgresql://host:5432/db, "
        + "jdbc:h2:tcp://host:9092/db, or any URL an installed JDBC driver accepts.")
    String url();

    @AttributeDefinition(name = "User name", description = "Empty when the URL or the driver carries the identity.", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Business data source", description = "The id models name to read these records; "
        + "empty for the connector id.", required = false)
    String source() default "";

    @AttributeDefinition(name = "Poll interval (s)", description = "Seconds between two polls of every query.", min = "0.1")
    double pollSeconds() default 5;

    @AttributeDefinition(name = "Query timeout (s)", description = "A query running longer is cancelled and reported.", min = "1")
    int queryTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Time zone", description = "Zone of timestamp columns without one (TIMESTAMP, DATE).")
    String zone() default "UTC";

    @AttributeDefinition(name = "Longest reconnect delay (s)", min = "1")
    int maxReconnectDelaySeconds() default 30;

    @AttributeDefinition(name = "Products query", description = "Columns: id, idealCycleSeconds; optional name, unit, "
        + "changeoverSeconds, unitCost, price, currency.", required = false)
    String productsQuery() default "";

    @AttributeDefinition(name = "Products change column", description = "A column that grows with every change; "
        + "when given, each poll reads only the rows where it grew. Empty: every poll reads everything.", required = false)
    String productsChangeColumn() default "";

    @AttributeDefinition(name = "Work centres query", description = "Columns: id, path (the line's point path); "
        + "optional name, costRatePerHour, currency.", required = false)
    String workCentersQuery() default "";

    @AttributeDefinition(name = "Work centres change column", required = false)
    String workCentersChangeColumn() default "";

    @AttributeDefinition(name = "Orders query", description = "Columns: id, productId, workCenterId, quantity, due, "
        + "state (planned, released, running, completed, cancelled); optional plannedStart, plannedEnd, actualStart, actualEnd.",
        required = false)
    String ordersQuery() default "";

    @AttributeDefinition(name = "Orders change column", required = false)
    String ordersChangeColumn() default "";

    @AttributeDefinition(name = "Shifts query", description = "Columns: id, name, start, end; optional workCenterId "
        + "(empty for every line), zone.", required = false)
    String shiftsQuery() default "";

    @AttributeDefinition(name = "Shifts change column", required = false)
    String shiftsChangeColumn() default "";

    @AttributeDefinition(name = "Planned stops query", description = "Columns: id, reasonCode, start, end; optional "
        + "workCenterId, kind (break, maintenance, other), description.", required = false)
    String plannedStopsQuery() default "";

    @AttributeDefinition(name = "Planned stops change column", required = false)
    String plannedStopsChangeColumn() default "";

    @AttributeDefinition(name = "Reason codes query", description = "Columns: code, category (availability, "
        + "performance, quality); optional text, planned.", required = false)
    String reasonCodesQuery() default "";

    @AttributeDefinition(name = "Reason codes change column", required = false)
    String reasonCodesChangeColumn() default "";

    @AttributeDefinition(name = "Tariff query", description = "Columns: id, start, end, pricePerKwh; optional name, currency.",
        required = false)
    String tariffQuery() default "";

    @AttributeDefinition(name = "Tariff change column", required = false)
    String tariffChangeColumn() default "";

    @AttributeDefinition(name = "Point queries", description = "Each row is a sample: columns path and point_value; "
        + "optional sample_time, unit, description. A point is published when its value changes; a path missing from the rows gets an "
        + "empty text (or a gap, for numbers).", required = false)
    String[] pointQueries() default {};
}
