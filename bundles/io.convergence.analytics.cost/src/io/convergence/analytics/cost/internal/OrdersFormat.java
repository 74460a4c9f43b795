package io.convergence.analytics.cost.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.jspecify.annotations.Nullable;

/** Writes the order view's rows as an aligned table, CSV or a JSON array. */
enum OrdersFormat {
    TABLE, CSV, JSON;

    private static final String[] HEADER = {"order", "product", "line", "state", "quantity", "good", "progress", "oee",
        "scrap cost", "forecast end", "due", "late"};

    static @Nullable OrdersFormat parse(String text) {
        for (OrdersFormat f : values()) {
            if (f.name().equalsIgnoreCase(text)) {
                return f;
            }
        }
        return null;
    }

    void write(PrintStream out, List<OrderRow> rows) {
        switch (this) {
            case TABLE -> table(out, rows);
            case CSV -> csv(out, rows);
            case JSON -> json(out, rows);
        }
    }

    private static void table(PrintStream out, List<OrderRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (OrderRow r : rows) {
            cells.add(new String[] {r.order(), r.product(), r.line().toString(), state(r), Long.toString(r.quantity()),
                r.goodCount() == null ? "-" : Long.toString(r.goodCount()), percent(r.progress()), percent(r.oee()),
                r.scrapCost() == null ? "-" : String.format(Locale.ROOT, "%.2f %s", r.scrapCost(), r.currency()),
                time(r.forecastEnd()), time(r.due()), r.late() == null ? "-" : r.late() ? "LATE" : "no"});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean number = i >= 4 && i <= 8;
                String pad = " ".repeat(width[i] - row[i].length());
                b.append(number ? pad + row[i] : row[i] + pad).append(i < row.length - 1 ? "  " : "");
            }
            out.println(b.toString().stripTrailing());
        }
    }

    private static void csv(PrintStream out, List<OrderRow> rows) {
        out.println("order,product,line,state,quantity,good,progress,oee,scrap_cost,currency,forecast_end,due,late");
        for (OrderRow r : rows) {
            out.println(String.join(",", cell(r.order()), cell(r.product()), cell(r.line().toString()), state(r),
                Long.toString(r.quantity()), r.goodCount() == null ? "" : Long.toString(r.goodCount()), fraction(r.progress()),
                fraction(r.oee()), r.scrapCost() == null ? "" : String.format(Locale.ROOT, "%.4f", r.scrapCost()),
                r.currency(), r.forecastEnd() == null ? "" : r.forecastEnd().toString(), r.due().toString(),
                r.late() == null ? "" : r.late().toString()));
        }
    }

    private static void json(PrintStream out, List<OrderRow> rows) {
        List<Map<String, @Nullable Object>> list = new ArrayList<>();
        for (OrderRow r : rows) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("order", r.order());
            m.put("product", r.product());
            m.put("line", r.line().toString());
            m.put("state", state(r));
            m.put("quantity", r.quantity());
            m.put("goodCount", r.goodCount());
            m.put("progress", r.progress());
            m.put("oee", r.oee());
            m.put("scrapCost", r.scrapCost());
            m.put("currency", r.currency());
            m.put("forecastEnd", r.forecastEnd() == null ? null : r.forecastEnd().toString());
            m.put("due", r.due().toString());
            m.put("late", r.late());
            list.add(m);
        }
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(OrderRow r) {
        return r.state().name().toLowerCase(Locale.ROOT);
    }

    private static String percent(@Nullable Double d) {
        return d == null || d.isNaN() ? "-" : String.format(Locale.ROOT, "%.1f%%", d * 100);
    }

    private static String fraction(@Nullable Double d) {
        return d == null || d.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", d);
    }

    private static String time(@Nullable Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A text cell: quoted when it holds a comma or a quote, and made inert for spreadsheets. */
    private static String cell(String s) {
        String inert = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return inert.contains(",") || inert.contains("\"") || !inert.equals(s)
            ? "\"" + inert.replace("\"", "\"\"") + "\"" : inert;
    }
}
