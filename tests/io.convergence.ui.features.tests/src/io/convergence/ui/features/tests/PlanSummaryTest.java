package io.convergence.ui.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.admin.ChangePlan.UnitChange;
import io.convergence.ui.features.internal.PlanSummary;
import io.convergence.ui.features.internal.PlanSummary.Kind;
import io.convergence.ui.features.internal.PlanSummary.Line;

import org.junit.jupiter.api.Test;

/** What the preview says about a plan, before the user may carry it out. */
class PlanSummaryTest {

    private static final Change CHANGE = new Change.Uninstall("x");

    @Test
    void featuresComeBeforeBundlesWithTheirVersions() {
        PlanSummary s = PlanSummary.of(new ChangePlan(CHANGE,
            List.of(new UnitChange("b.bundle", "b.bundle", "", "1.0.0", false), new UnitChange("a.feature", "A", "", "2.0.0", true)),
            List.of(new UnitChange("c.bundle", "Cee", "1.0.0", "1.1.0", false)),
            List.of(new UnitChange("d.bundle", "d.bundle", "0.9.0", "", false)), List.of(), false, "", 1_430_000));
        assertEquals(List.of(
            new Line(Kind.ADDED, "+ feature A (a.feature) 2.0.0"),
            new Line(Kind.ADDED, "+ b.bundle 1.0.0"),
            new Line(Kind.UPDATED, "\u2191 Cee (c.bundle) 1.0.0 \u2192 1.1.0"),
            new Line(Kind.REMOVED, "\u2212 d.bundle 0.9.0")), s.lines());
        assertEquals("Brings in 2, updates 1 and removes 1 units.", s.headline());
        assertEquals("Takes effect at once; nothing restarts.", s.restart());
        assertEquals("Download: 1.4 MB", s.download());
        assertTrue(s.canApply());
    }

    @Test
    void problemsStopTheChangeAndAreListedInPlainWords() {
        PlanSummary s = PlanSummary.of(new ChangePlan(CHANGE, List.of(), List.of(), List.of(),
            List.of("X needs org.example 1.0, which no repository has.", "Y is signed by a publisher you do not trust."),
            false, "", -1));
        assertFalse(s.canApply());
        assertEquals("This change cannot be made, for 2 reasons:", s.headline());
        assertEquals(List.of(Kind.PROBLEM, Kind.PROBLEM), s.lines().stream().map(Line::kind).toList());
        assertEquals("X needs org.example 1.0, which no repository has.", s.lines().get(0).text());
        assertEquals("Download size unknown.", s.download());
    }

    @Test
    void aRestartIsAnnouncedWithItsReason() {
        ChangePlan plan = new ChangePlan(CHANGE, List.of(new UnitChange("a", "a", "", "1", false)), List.of(), List.of(), List.of(),
            true, "it updates the OSGi framework", 0);
        PlanSummary s = PlanSummary.of(plan);
        assertEquals("Brings in 1 unit.", s.headline());
        assertEquals("The workbench must restart for this change to take effect: it updates the OSGi framework", s.restart());
        assertEquals("Nothing to download.", s.download());
    }

    @Test
    void aChangeThatChangesNothingCannotBeCarriedOut() {
        PlanSummary s = PlanSummary.of(new ChangePlan(CHANGE, List.of(), List.of(), List.of(), List.of(), false, "", 0));
        assertFalse(s.canApply());
        assertEquals("Nothing would change: it is already so.", s.headline());
    }

    @Test
    void sizesReadLikeAFileManagerShowsThem() {
        assertEquals("512 bytes", PlanSummary.size(512));
        assertEquals("1.0 kB", PlanSummary.size(1000));
        assertEquals("820 kB", PlanSummary.size(820_000));
        assertEquals("3.2 GB", PlanSummary.size(3_200_000_000L));
    }
}
