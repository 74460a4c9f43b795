package io.convergence.analytics.oee.core;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.convergence.api.business.LossCategory;
import io.convergence.api.oee.Definition;
import io.convergence.api.oee.Losses;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * The JSON of {@link OeeFigures} and {@link Stop} as the model publishes them: field names are the
 * records' component names, times ISO-8601, the line its path text, {@code losses} an object.
 */
public final class OeeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OeeJson() {
    }

    public static ObjectNode node(OeeFigures f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("line", f.line().toString());
        o.put("period", f.period().name());
        o.put("from", f.from().toString());
        o.put("to", f.to().toString());
        o.put("complete", f.complete());
        o.put("shift", f.shift());
        o.put("order", f.order());
        o.put("product", f.product());
        o.put("definition", f.definition().name());
        o.put("plannedSeconds", f.plannedSeconds());
        o.put("runSeconds", f.runSeconds());
        o.put("idealCycleSeconds", f.idealCycleSeconds());
        o.put("totalCount", f.totalCount());
        o.put("goodCount", f.goodCount());
        o.put("availability", f.availability());
        o.put("performance", f.performance());
        o.put("quality", f.quality());
        o.put("oee", f.oee());
        Losses l = f.losses();
        ObjectNode losses = o.putObject("losses");
        losses.put("breakdownSeconds", l.breakdownSeconds());
        losses.put("setupSeconds", l.setupSeconds());
        losses.put("smallStopSeconds", l.smallStopSeconds());
        losses.put("reducedSpeedSeconds", l.reducedSpeedSeconds());
        losses.put("startupRejectSeconds", l.startupRejectSeconds());
        losses.put("productionRejectSeconds", l.productionRejectSeconds());
        return o;
    }

    public static String write(OeeFigures f) {
        return node(f).toString();
    }

    public static String write(Stop s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("line", s.line().toString());
        o.put("start", s.start().toString());
        o.put("end", s.end() == null ? null : s.end().toString());
        o.put("reasonCode", s.reasonCode());
        o.put("reasonText", s.reasonText());
        o.put("category", s.category().name());
        o.put("planned", s.planned());
        o.put("micro", s.micro());
        o.put("corrected", s.corrected());
        return o.toString();
    }

    /**
     * @throws IllegalArgumentException if the text is not the JSON of figures
     */
    public static OeeFigures figures(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            JsonNode l = o.path("losses");
            return new OeeFigures(PointPath.parse(o.path("line").asText()), Period.valueOf(o.path("period").asText()),
                Instant.parse(o.path("from").asText()), Instant.parse(o.path("to").asText()),
                o.path("complete").asBoolean(), text(o, "shift"), text(o, "order"), text(o, "product"),
                Definition.valueOf(o.path("definition").asText()), o.path("plannedSeconds").asDouble(),
                o.path("runSeconds").asDouble(), o.path("idealCycleSeconds").asDouble(), o.path("totalCount").asLong(),
                o.path("goodCount").asLong(), o.path("availability").asDouble(), o.path("performance").asDouble(),
                o.path("quality").asDouble(), o.path("oee").asDouble(),
                new Losses(l.path("breakdownSeconds").asDouble(), l.path("setupSeconds").asDouble(),
                    l.path("smallStopSeconds").asDouble(), l.path("reducedSpeedSeconds").asDouble(),
                    l.path("startupRejectSeconds").asDouble(), l.path("productionRejectSeconds").asDouble()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not the JSON of OEE figures: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException if the text is not the JSON of a stop
     */
    public static Stop stop(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            String end = text(o, "end");
            return new Stop(PointPath.parse(o.path("line").asText()), Instant.parse(o.path("start").asText()),
                end == null ? null : Instant.parse(end), text(o, "reasonCode"), o.path("reasonText").asText(),
                LossCategory.valueOf(o.path("category").asText()), o.path("planned").asBoolean(),
                o.path("micro").asBoolean(), o.path("corrected").asBoolean());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not the JSON of a stop: " + e.getMessage(), e);
        }
    }

    private static @Nullable String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
