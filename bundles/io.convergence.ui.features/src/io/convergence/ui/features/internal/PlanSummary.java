package io.convergence.ui.features.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.convergence.admin.ChangePlan;
import io.convergence.admin.ChangePlan.UnitChange;

import org.eclipse.osgi.util.NLS;

/**
 * A {@link ChangePlan} in plain words, for the preview a user reads before a change is carried out:
 * what comes, changes version and goes (features before bundles), why it cannot be done, whether a
 * restart is needed and how much is downloaded.
 *
 * @param headline one sentence: what the change does, or that it cannot be done
 * @param lines the units, then the problems
 * @param restart whether and why a restart is needed, or that the change takes effect at once
 * @param download how much is downloaded
 * @param canApply whether the user may carry the change out: no problems, and something changes
 */
public record PlanSummary(String headline, List<Line> lines, String restart, String download, boolean canApply) {

    /** What a line of the preview is about; the view colours problems. */
    public enum Kind {
        ADDED, UPDATED, REMOVED, PROBLEM
    }

    /** One line of the preview. */
    public record Line(Kind kind, String text) {
    }

    private static final Comparator<UnitChange> FEATURES_FIRST = Comparator.comparing((UnitChange u) -> !u.feature())
        .thenComparing(UnitChange::name, String.CASE_INSENSITIVE_ORDER);

    public static PlanSummary of(ChangePlan plan) {
        List<Line> lines = new ArrayList<>();
        for (UnitChange u : sorted(plan.added())) {
            lines.add(new Line(Kind.ADDED, NLS.bind(Messages.Plan_added, unit(u), u.to())));
        }
        for (UnitChange u : sorted(plan.updated())) {
            lines.add(new Line(Kind.UPDATED, NLS.bind(Messages.Plan_updated, new Object[] {unit(u), u.from(), u.to()})));
        }
        for (UnitChange u : sorted(plan.removed())) {
            lines.add(new Line(Kind.REMOVED, NLS.bind(Messages.Plan_removed, unit(u), u.from())));
        }
        for (String p : plan.problems()) {
            lines.add(new Line(Kind.PROBLEM, p));
        }
        String headline;
        if (!plan.ok()) {
            headline = plan.problems().size() == 1 ? Messages.Plan_cannotOne : NLS.bind(Messages.Plan_cannot, plan.problems().size());
        } else if (plan.empty()) {
            headline = Messages.Plan_nothing;
        } else {
            headline = headline(plan);
        }
        String restart = !plan.restartNeeded() ? Messages.Plan_live
            : plan.restartReason().isBlank() ? Messages.Plan_restart : NLS.bind(Messages.Plan_restartBecause, plan.restartReason());
        String download = plan.downloadBytes() < 0 ? Messages.Plan_downloadUnknown
            : plan.downloadBytes() == 0 ? Messages.Plan_downloadNone : NLS.bind(Messages.Plan_download, size(plan.downloadBytes()));
        return new PlanSummary(headline, List.copyOf(lines), restart, download, plan.ok() && !plan.empty());
    }

    /** {@code Brings in 3 units.}, {@code Updates 1 and removes 2 units.}: only what happens. */
    private static String headline(ChangePlan plan) {
        List<String> parts = new ArrayList<>();
        if (!plan.added().isEmpty()) {
            parts.add(NLS.bind(Messages.Plan_partAdded, plan.added().size()));
        }
        if (!plan.updated().isEmpty()) {
            parts.add(NLS.bind(Messages.Plan_partUpdated, plan.updated().size()));
        }
        if (!plan.removed().isEmpty()) {
            parts.add(NLS.bind(Messages.Plan_partRemoved, plan.removed().size()));
        }
        String joined = parts.size() == 1 ? parts.get(0)
            : String.join(", ", parts.subList(0, parts.size() - 1)) + Messages.Plan_and + parts.get(parts.size() - 1);
        int total = plan.added().size() + plan.updated().size() + plan.removed().size();
        String text = NLS.bind(total == 1 ? Messages.Plan_headlineOne : Messages.Plan_headline, joined);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** {@code 1.4 MB}, {@code 820 kB}, {@code 512 bytes}. */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }

    private static List<UnitChange> sorted(List<UnitChange> units) {
        return units.stream().sorted(FEATURES_FIRST).toList();
    }

    private static String unit(UnitChange u) {
        String name = u.name().isBlank() || u.name().equals(u.id()) ? u.id() : u.name() + " (" + u.id() + ")";
        return u.feature() ? NLS.bind(Messages.Plan_feature, name) : name;
    }
}
