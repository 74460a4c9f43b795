package io.convergence.connector.sql.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.convergence.api.business.RecordKind;

import org.jspecify.annotations.Nullable;

/**
 * The connector's configuration, checked.
 *
 * @param records the record queries, one per configured kind
 * @param pointQueries the point queries, in order
 */
record SqlSettings(String id, String url, String username, String password, String source, Duration poll,
                   int queryTimeoutSeconds, ZoneId zone, Duration maxReconnectDelay, List<RecordQuerySpec> records,
                   List<String> pointQueries) {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)(password|pwd)=[^;&]*");

    /**
     * One record query.
     *
     * @param changeColumn the column that grows with every change; null to read everything each poll
     */
    record RecordQuerySpec(RecordKind kind, String sql, @Nullable String changeColumn) {
    }

    /** A configuration that cannot work, with what is wrong. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    static SqlSettings from(SqlConfig c, String defaultId) throws Invalid {
        String id = c.id() == null || c.id().isBlank() ? defaultId : c.id().strip();
        String url = c.url() == null ? "" : c.url().strip();
        if (!url.startsWith("jdbc:")) {
            throw new Invalid("url: '" + redact(url) + "' is not a JDBC URL (jdbc:postgresql://host:5432/db, "
                + "jdbc:h2:tcp://host:9092/db, ...)");
        }
        if (!(c.pollSeconds() >= 0.1)) {
            throw new Invalid("pollSeconds: " + c.pollSeconds() + " is below 0.1");
        }
        if (c.queryTimeoutSeconds() < 1) {
            throw new Invalid("queryTimeoutSeconds: " + c.queryTimeoutSeconds() + " is below 1");
        }
        if (c.maxReconnectDelaySeconds() < 1) {
            throw new Invalid("maxReconnectDelaySeconds: " + c.maxReconnectDelaySeconds() + " is below 1");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(c.zone().strip());
        } catch (DateTimeException e) {
            throw new Invalid("zone: '" + c.zone() + "' is not a time zone (UTC, Europe/Paris, ...)");
        }
        List<RecordQuerySpec> records = new ArrayList<>();
        add(records, RecordKind.PRODUCT, "products", c.productsQuery(), c.productsChangeColumn());
        add(records, RecordKind.WORK_CENTER, "workCenters", c.workCentersQuery(), c.workCentersChangeColumn());
        add(records, RecordKind.PRODUCTION_ORDER, "orders", c.ordersQuery(), c.ordersChangeColumn());
        add(records, RecordKind.SHIFT, "shifts", c.shiftsQuery(), c.shiftsChangeColumn());
        add(records, RecordKind.PLANNED_STOP, "plannedStops", c.plannedStopsQuery(), c.plannedStopsChangeColumn());
        add(records, RecordKind.REASON_CODE, "reasonCodes", c.reasonCodesQuery(), c.reasonCodesChangeColumn());
        add(records, RecordKind.TARIFF_PERIOD, "tariff", c.tariffQuery(), c.tariffChangeColumn());
        List<String> points = new ArrayList<>();
        String[] pq = c.pointQueries() == null ? new String[0] : c.pointQueries();
        for (int i = 0; i < pq.length; i++) {
            if (pq[i] == null || pq[i].isBlank()) {
                throw new Invalid("pointQueries[" + i + "]: empty query");
            }
            points.add(strip(pq[i]));
        }
        if (records.isEmpty() && points.isEmpty()) {
            throw new Invalid("no query: give at least one record query (productsQuery, ordersQuery, ...) or pointQueries");
        }
        String source = c.source() == null || c.source().isBlank() ? id : c.source().strip();
        return new SqlSettings(id, url, c.username() == null ? "" : c.username().strip(),
            c.password() == null ? "" : c.password(), source, Duration.ofMillis(Math.round(c.pollSeconds() * 1000)),
            c.queryTimeoutSeconds(), zone, Duration.ofSeconds(c.maxReconnectDelaySeconds()), List.copyOf(records),
            List.copyOf(points));
    }

    private static void add(List<RecordQuerySpec> out, RecordKind kind, String name, @Nullable String sql,
                            @Nullable String changeColumn) throws Invalid {
        boolean hasSql = sql != null && !sql.isBlank();
        boolean hasColumn = changeColumn != null && !changeColumn.isBlank();
        if (!hasSql) {
            if (hasColumn) {
                throw new Invalid(name + "ChangeColumn: given without " + name + "Query");
            }
            return;
        }
        String column = null;
        if (hasColumn) {
            column = changeColumn.strip();
            if (!COLUMN.matcher(column).matches()) {
                throw new Invalid(name + "ChangeColumn: '" + changeColumn + "' is not a column name (letters, digits, _)");
            }
        }
        out.add(new RecordQuerySpec(kind, strip(sql), column));
    }

    /** A query without trailing blanks and semicolons: it is wrapped in another one for change polls. */
    private static String strip(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** The URL as shown to people: passwords in it replaced by ***. */
    String safeUrl() {
        return redact(url);
    }

    static String redact(String url) {
        return SECRET_IN_URL.matcher(url).replaceAll("$1=***");
    }

    /** The name a person knows a record kind's query by, as in the configuration. */
    static String queryName(RecordKind kind) {
        return switch (kind) {
            case PRODUCT -> "productsQuery";
            case WORK_CENTER -> "workCentersQuery";
            case PRODUCTION_ORDER -> "ordersQuery";
            case SHIFT -> "shiftsQuery";
            case PLANNED_STOP -> "plannedStopsQuery";
            case REASON_CODE -> "reasonCodesQuery";
            case TARIFF_PERIOD -> "tariffQuery";
        };
    }
}
