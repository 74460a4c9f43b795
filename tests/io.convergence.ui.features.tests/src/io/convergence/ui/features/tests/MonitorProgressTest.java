package io.convergence.ui.features.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.convergence.ui.features.internal.MonitorProgress;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

/** The feature service's progress on a job's monitor. */
class MonitorProgressTest {

    /** Records what a progress dialog would show. */
    static final class Recorder extends NullProgressMonitor {
        final List<String> shown = new ArrayList<>();
        int total;
        double worked;

        @Override
        public void beginTask(String name, int totalWork) {
            shown.add("task " + name);
            total = totalWork;
        }

        @Override
        public void subTask(String name) {
            shown.add("sub " + name);
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }
    }

    @Test
    void stepsAndDetailsAreShownAndTheBarMovesForwardOnly() {
        Recorder r = new Recorder();
        MonitorProgress p = new MonitorProgress(r, "install x 1.0.0");
        p.step("Reading repositories", 2);
        p.worked(1);
        double afterOne = r.worked;
        p.worked(1);
        assertTrue(r.worked > afterOne && afterOne > 0, "progress within a step");
        // More bytes than an int holds: still moves, never past the end.
        p.step("Downloading", 6_000_000_000L);
        p.detail("io.convergence.connector.mqtt_1.2.0.jar");
        for (int i = 0; i < 6; i++) {
            p.worked(1_000_000_000L);
        }
        p.step("Committing", 0);
        p.done();
        assertEquals(List.of("task install x 1.0.0", "sub Reading repositories", "sub Downloading",
            "sub Downloading: io.convergence.connector.mqtt_1.2.0.jar", "sub Committing"), r.shown);
        assertTrue(r.worked <= r.total + 1e-6, r.worked + " of " + r.total);
        assertTrue(r.worked > r.total * 0.7, "most of the bar filled after three steps: " + r.worked);
    }

    @Test
    void cancellingTheJobAsksTheServiceToStop() {
        Recorder r = new Recorder();
        MonitorProgress p = new MonitorProgress(r, "update all");
        assertFalse(p.cancelled());
        r.setCanceled(true);
        assertTrue(p.cancelled());
        p.step("Downloading", 10);
        p.worked(5);
    }
}
