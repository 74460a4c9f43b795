package io.convergence.connector.sql.internal;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.convergence.api.business.LossCategory;
import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.ProductionOrder;
import io.convergence.api.business.ReasonCode;
import io.convergence.api.business.RecordKind;
import io.convergence.api.business.Shift;
import io.convergence.api.business.TariffPeriod;
import io.convergence.api.business.WorkCenter;
import io.convergence.api.point.PointPath;
import io.convergence.connector.sql.internal.Columns.MappingException;

import org.jspecify.annotations.Nullable;

/**
 * How a row becomes a record, kind by kind: columns named after the record's fields (see
 * {@link Columns} for how names match). Required fields must have a column; optional ones fall
 * back as documented in the configuration.
 */
final class Mappings {

    private Mappings() {
    }

    /** The fields a kind's query must have columns for. */
    static List<String> required(RecordKind kind) {
        return switch (kind) {
            case PRODUCT -> List.of("id", "idealCycleSeconds");
            case WORK_CENTER -> List.of("id", "path");
            case PRODUCTION_ORDER -> List.of("id", "productId", "workCenterId", "quantity", "due", "state");
            case SHIFT -> List.of("id", "name", "start", "end");
            case PLANNED_STOP -> List.of("id", "reasonCode", "start", "end");
            case REASON_CODE -> List.of("code", "category");
            case TARIFF_PERIOD -> List.of("id", "start", "end", "pricePerKwh");
        };
    }

    /** The record of the current row. */
    static Object map(RecordKind kind, Columns c, ZoneId zone) throws SQLException, MappingException {
        String id = c.textOrNull(kind == RecordKind.REASON_CODE ? "code" : "id");
        try {
            return switch (kind) {
                case PRODUCT -> product(c);
                case WORK_CENTER -> workCenter(c);
                case PRODUCTION_ORDER -> order(c);
                case SHIFT -> shift(c, zone);
                case PLANNED_STOP -> plannedStop(c);
                case REASON_CODE -> reasonCode(c);
                case TARIFF_PERIOD -> tariff(c);
            };
        } catch (IllegalArgumentException e) {
            throw c.bad(id, e);
        }
    }

    /** The id of a record of any kind. */
    static String id(Object record) {
        return switch (record) {
            case Product p -> p.id();
            case WorkCenter w -> w.id();
            case ProductionOrder o -> o.id();
            case Shift s -> s.id();
            case PlannedStop s -> s.id();
            case ReasonCode r -> r.code();
            case TariffPeriod t -> t.id();
            default -> throw new IllegalArgumentException("not a business record: " + record);
        };
    }

    private static Product product(Columns c) throws SQLException, MappingException {
        String id = c.text("id");
        return new Product(id, c.text("name", id), c.text("unit", "unit"), c.number("idealCycleSeconds"),
            c.number("changeoverSeconds", 0), c.number("unitCost", 0), c.number("price", 0), c.text("currency", ""));
    }

    private static WorkCenter workCenter(Columns c) throws SQLException, MappingException {
        String id = c.text("id");
        PointPath path;
        try {
            path = PointPath.parse(c.text("path"));
        } catch (IllegalArgumentException e) {
            throw c.bad("path", "is not a point path: " + e.getMessage());
        }
        return new WorkCenter(id, c.text("name", id), path, c.number("costRatePerHour", 0), c.text("currency", ""));
    }

    private static ProductionOrder order(Columns c) throws SQLException, MappingException {
        ProductionOrder.State state;
        try {
            state = ProductionOrder.State.parse(c.text("state"));
        } catch (IllegalArgumentException e) {
            throw c.bad("state", e.getMessage());
        }
        return new ProductionOrder(c.text("id"), c.text("productId"), c.text("workCenterId"), c.whole("quantity"),
            c.time("due"), c.timeOrNull("plannedStart"), c.timeOrNull("plannedEnd"), c.timeOrNull("actualStart"),
            c.timeOrNull("actualEnd"), state);
    }

    private static Shift shift(Columns c, ZoneId fallback) throws SQLException, MappingException {
        String zoneText = c.textOrNull("zone");
        ZoneId zone = fallback;
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw c.bad("zone", "'" + zoneText + "' is not a time zone");
            }
        }
        return new Shift(c.text("id"), c.text("name"), c.textOrNull("workCenterId"), c.time("start"), c.time("end"), zone);
    }

    private static PlannedStop plannedStop(Columns c) throws SQLException, MappingException {
        String kindText = c.text("kind", "other");
        PlannedStop.Kind kind = switch (kindText.toLowerCase(Locale.ROOT)) {
            case "break" -> PlannedStop.Kind.BREAK;
            case "maintenance" -> PlannedStop.Kind.MAINTENANCE;
            case "other" -> PlannedStop.Kind.OTHER;
            default -> throw c.bad("kind", "'" + kindText + "' is not one of break, maintenance, other");
        };
        return new PlannedStop(c.text("id"), c.textOrNull("workCenterId"), kind, c.text("reasonCode"), c.time("start"),
            c.time("end"), c.text("description", ""));
    }

    private static ReasonCode reasonCode(Columns c) throws SQLException, MappingException {
        String code = c.text("code");
        LossCategory category;
        try {
            category = LossCategory.parse(c.text("category"));
        } catch (IllegalArgumentException e) {
            throw c.bad("category", e.getMessage());
        }
        return new ReasonCode(code, c.text("text", code), category, c.flag("planned", false));
    }

    private static TariffPeriod tariff(Columns c) throws SQLException, MappingException {
        String id = c.text("id");
        return new TariffPeriod(id, c.text("name", ""), c.time("start"), c.time("end"), c.number("pricePerKwh"),
            c.text("currency", ""));
    }

    /** The record of a kind a class stands for; for messages. */
    static String noun(RecordKind kind, @Nullable Integer count) {
        String one = switch (kind) {
            case PRODUCT -> "product";
            case WORK_CENTER -> "work centre";
            case PRODUCTION_ORDER -> "order";
            case SHIFT -> "shift";
            case PLANNED_STOP -> "planned stop";
            case REASON_CODE -> "reason code";
            case TARIFF_PERIOD -> "tariff period";
        };
        return count == null ? one : count + " " + one + (count == 1 ? "" : "s");
    }
}
