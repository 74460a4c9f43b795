package io.convergence.analytics.cost.internal;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.convergence.api.business.LossCategory;
import io.convergence.api.oee.Definition;
import io.convergence.api.oee.Losses;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * Reads the OEE model's published samples: the JSON of {@link OeeFigures} and {@link Stop}, field names
 * the record components', times ISO-8601, the line as its path text, the losses an object.
 */
final class OeeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OeeJson() {
    }

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    static OeeFigures figures(String json) {
        JsonNode n = parse(json);
        JsonNode l = n.path("losses");
        Losses losses = l.isObject() ? new Losses(num(l, "breakdownSeconds"), num(l, "setupSeconds"),
            num(l, "smallStopSeconds"), num(l, "reducedSpeedSeconds"), num(l, "startupRejectSeconds"),
            num(l, "productionRejectSeconds")) : Losses.NONE;
        String def = opt(n, "definition");
        return new OeeFigures(PointPath.parse(text(n, "line")), Period.valueOf(text(n, "period").toUpperCase(Locale.ROOT)),
            time(n, "from"), time(n, "to"), n.path("complete").asBoolean(true), opt(n, "shift"), opt(n, "order"),
            opt(n, "product"), def == null ? Definition.COMMON : Definition.valueOf(def.toUpperCase(Locale.ROOT)),
            num(n, "plannedSeconds"), num(n, "runSeconds"), num(n, "idealCycleSeconds"), (long) num(n, "totalCount"),
            (long) num(n, "goodCount"), num(n, "availability"), num(n, "performance"), num(n, "quality"), num(n, "oee"),
            losses);
    }

    /** @throws IllegalArgumentException naming the field that is missing or wrong */
    static Stop stop(String json) {
        JsonNode n = parse(json);
        String end = opt(n, "end");
        String category = opt(n, "category");
        return new Stop(PointPath.parse(text(n, "line")), time(n, "start"), end == null ? null : Instant.parse(end),
            opt(n, "reasonCode"), n.path("reasonText").asText(""),
            category == null ? LossCategory.AVAILABILITY : LossCategory.parse(category), n.path("planned").asBoolean(false),
            n.path("micro").asBoolean(false), n.path("corrected").asBoolean(false));
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        String v = opt(n, field);
        if (v == null) {
            throw new IllegalArgumentException("no '" + field + "'");
        }
        return v;
    }

    private static @Nullable String opt(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant time(JsonNode n, String field) {
        try {
            return Instant.parse(text(n, field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not an ISO-8601 time: " + text(n, field), e);
        }
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' is not a number: " + v);
        }
        return v.asDouble();
    }
}
