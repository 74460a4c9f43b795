package io.convergence.analytics.oee.internal;

import java.lang.reflect.Array;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.convergence.analytics.oee.core.DailyWindow;
import io.convergence.analytics.oee.core.OeeSettings;
import io.convergence.analytics.oee.core.ShiftPattern;
import io.convergence.api.oee.Definition;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;

/**
 * Settings from a configuration's properties (as DS hands them, or as a configuration file holds
 * them), with the defaults of {@link OeeConfig}. Every error names the attribute.
 */
public final class OeeConfigs {

    private OeeConfigs() {
    }

    /**
     * @throws IllegalArgumentException naming the attribute that is wrong and why
     */
    public static OeeSettings settings(Map<String, ?> p) {
        String id = string(p, "id", "oee-line1");
        PointPath line = path(p, "line", "acme/lyon/packaging/line1");
        String erp = string(p, "erpSource", "");
        @Nullable PointPath order = optionalPath(p, "orderPoint", "");
        if (order == null && !erp.isBlank()) {
            order = line.child("order");
        }
        ZoneId zone;
        String z = string(p, "zone", "UTC");
        try {
            zone = ZoneId.of(z);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone: '" + z + "' is not a time zone such as UTC or Europe/Paris");
        }
        Definition definition = switch (string(p, "definition", "common").strip().toLowerCase(Locale.ROOT)) {
            case "common" -> Definition.COMMON;
            case "iso22400", "iso 22400", "iso-22400" -> Definition.ISO22400;
            default -> throw new IllegalArgumentException("definition: '" + string(p, "definition", "")
                + "' is not common or iso22400");
        };
        return new OeeSettings(id, line, path(p, "statePoint", "acme/lyon/packaging/line1/filler/state"),
            new LinkedHashSet<>(strings(p, "runningStates", List.of("running"))),
            new LinkedHashSet<>(strings(p, "plannedStopStates", List.of())),
            optionalPath(p, "totalCountPoint", ""),
            optionalPath(p, "goodCountPoint", "acme/lyon/packaging/line1/filler/goodCount"),
            optionalPath(p, "rejectCountPoint", "acme/lyon/packaging/line1/filler/rejectCount"),
            optionalPath(p, "reasonPoint", ""), order, number(p, "idealCycleSeconds", 1.0),
            parsed(p, "shifts", List.of("A 06:00-14:00", "B 14:00-22:00", "C 22:00-06:00"), ShiftPattern::parse),
            parsed(p, "breaks", List.of(), DailyWindow::parse), zone,
            seconds(p, "microStopSeconds", 30), seconds(p, "startupSeconds", 300), seconds(p, "graceSeconds", 10),
            (long) number(p, "counterModulus", 0), Set.copyOf(strings(p, "setupReasons", List.of())), definition,
            erp.isBlank() ? null : erp.strip());
    }

    private static <T> List<T> parsed(Map<String, ?> p, String key, List<String> fallback, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String s : strings(p, key, fallback)) {
            try {
                out.add(parse.apply(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static long seconds(Map<String, ?> p, String key, long fallback) {
        double s = number(p, key, fallback);
        if (s < 0 || s > 86_400 * 366.0) {
            throw new IllegalArgumentException(key + ": " + s + " is out of range (0 to a year)");
        }
        return Math.round(s * Micros.PER_SECOND);
    }

    private static double number(Map<String, ?> p, String key, double fallback) {
        Object v = p.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a number");
        }
    }

    private static String string(Map<String, ?> p, String key, String fallback) {
        Object v = p.get(key);
        return v == null ? fallback : v.toString();
    }

    private static List<String> strings(Map<String, ?> p, String key, List<String> fallback) {
        Object v = p.get(key);
        if (v == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            c.forEach(x -> out.add(String.valueOf(x)));
        } else if (v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                out.add(String.valueOf(Array.get(v, i)));
            }
        } else {
            out.add(v.toString());
        }
        out.removeIf(String::isBlank);
        return out.stream().map(String::strip).toList();
    }

    private static PointPath path(Map<String, ?> p, String key, String fallback) {
        PointPath x = optionalPath(p, key, fallback);
        if (x == null) {
            throw new IllegalArgumentException(key + ": a point path is needed");
        }
        return x;
    }

    private static @Nullable PointPath optionalPath(Map<String, ?> p, String key, String fallback) {
        String s = string(p, key, fallback).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return PointPath.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + s + "' is not a point path (" + e.getMessage() + ")", e);
        }
    }
}
