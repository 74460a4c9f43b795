package io.convergence.ui.downtime.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Pareto chart's bars: reasons sorted by what they cost, largest first, each with its share of
 * the total and the running share up to and including it.
 */
public final class Pareto {

    /**
     * One bar.
     *
     * @param label the reason
     * @param value its time (seconds) or cost
     * @param share its share of the total, 0–1
     * @param cumulative the share of it and every bar before it, 0–1
     */
    public record Bar(String label, double value, double share, double cumulative) {
    }

    private Pareto() {
    }

    /**
     * The bars of {@code values} (label to value; labels that repeat are added), sorted by value,
     * largest first, equal values by label. Values of 0 or less are left out.
     */
    public static List<Bar> of(Map<String, Double> values) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(values.entrySet());
        entries.removeIf(e -> !(e.getValue() > 0));
        entries.sort(Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue).reversed()
            .thenComparing(Map.Entry::getKey));
        double total = entries.stream().mapToDouble(Map.Entry::getValue).sum();
        List<Bar> out = new ArrayList<>(entries.size());
        double running = 0;
        for (Map.Entry<String, Double> e : entries) {
            running += e.getValue();
            out.add(new Bar(e.getKey(), e.getValue(), e.getValue() / total, Math.min(1, running / total)));
        }
        return out;
    }

    /** Adds up values per label, keeping the first label's place; a helper for {@link #of}. */
    public static Map<String, Double> sum(List<String> labels, List<Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            out.merge(labels.get(i), values.get(i), Double::sum);
        }
        return out;
    }
}
