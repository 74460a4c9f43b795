package io.convergence.ui.workbench.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;

/** The views that can be shown, by category, sorted: what the Show View dialog lists. No SWT here. */
record ViewCatalog(Map<String, List<View>> byCategory) {

    /** One view: its part descriptor id, label and description. */
    record View(String id, String label, String description) {
    }

    static final String OTHER = "Other";

    static ViewCatalog of(List<MPartDescriptor> descriptors) {
        Map<String, List<View>> map = new TreeMap<>();
        for (MPartDescriptor d : descriptors) {
            String category = d.getCategory() == null || d.getCategory().isBlank() ? OTHER : d.getCategory();
            String label = d.getLocalizedLabel() == null || d.getLocalizedLabel().isBlank() ? d.getElementId() : d.getLocalizedLabel();
            String tip = d.getLocalizedTooltip() == null ? "" : d.getLocalizedTooltip();
            map.computeIfAbsent(category, k -> new ArrayList<>()).add(new View(d.getElementId(), label, tip));
        }
        map.values().forEach(l -> l.sort(Comparator.comparing(View::label)));
        return new ViewCatalog(map);
    }
}
