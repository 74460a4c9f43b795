package io.convergence.sim.plant.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.convergence.sim.plant.internal.model.DownReason;
import io.convergence.sim.plant.internal.model.MachineModel;
import io.convergence.sim.plant.internal.model.MachineSpec;
import io.convergence.sim.plant.internal.model.MachineState;
import io.convergence.sim.plant.internal.model.MachineVariable;
import io.convergence.sim.plant.internal.model.PlantLayout;
import io.convergence.sim.plant.internal.model.PlantModel;

import org.junit.jupiter.api.Test;

/** The plant's behaviour, without a server. At 100 ms per tick an hour is 36,000 ticks. */
class PlantModelTest {

    private static final int TICKS_PER_HOUR = 36_000;

    @Test
    void sameSeedGivesTheSameValuesTickByTick() {
        PlantModel a = new PlantModel(7, 5, 500, 100);
        PlantModel b = new PlantModel(7, 5, 500, 100);
        for (int t = 0; t < 20_000; t++) {
            a.step();
            b.step();
            assertEquals(snapshot(a), snapshot(b), "tick " + t);
        }
        assertEquals(20_000, a.ticks());
        PlantModel other = new PlantModel(8, 5, 500, 100);
        other.step();
        PlantModel again = new PlantModel(7, 5, 500, 100);
        again.step();
        assertNotEquals(snapshot(again), snapshot(other), "another seed, other values");
    }

    @Test
    void everyValueChangesEveryTickWhileRunning() {
        PlantModel p = new PlantModel(42, 4, 100, 100);
        p.step();
        List<Object> before = snapshot(p);
        p.step();
        List<Object> after = snapshot(p);
        MachineModel filler = p.machines().get(0);
        assertEquals(MachineState.RUNNING, filler.state());
        for (MachineVariable v : List.of(MachineVariable.SPEED, MachineVariable.TEMPERATURE,
            MachineVariable.BEARING_TEMPERATURE, MachineVariable.VIBRATION, MachineVariable.ENERGY,
            MachineVariable.POWER)) {
            int i = v.ordinal();
            assertNotEquals(before.get(i), after.get(i), v.browseName());
        }
        int firstSensor = p.machines().size() * MachineVariable.values().length;
        assertNotEquals(before.get(firstSensor), after.get(firstSensor), "sensor s00001");
    }

    @Test
    void vibrationRisesWithBearingWearOverSimulatedHours() {
        MachineModel m = new MachineModel(new MachineSpec("filler", 600, 10, 0.0, 8.0), 100, new SplittableRandom(3));
        double firstHalfHour = meanVibrationAtSpeed(m, TICKS_PER_HOUR / 2);
        double wearBefore = m.wear();
        for (int t = 0; t < 4 * TICKS_PER_HOUR; t++) {
            m.step();
        }
        double afterFourHours = meanVibrationAtSpeed(m, TICKS_PER_HOUR / 2);
        assertTrue(m.wear() > wearBefore + 0.3, "wear grew from " + wearBefore + " to " + m.wear());
        assertTrue(afterFourHours > firstHalfHour * 1.3,
            "vibration " + firstHalfHour + " mm/s at first, " + afterFourHours + " mm/s four hours later");
        assertTrue(firstHalfHour > 1.5 && firstHalfHour < 3.5, "a new bearing vibrates " + firstHalfHour + " mm/s");
    }

    @Test
    void aWornBearingFailsTakesTheMachineDownAndIsReplaced() {
        MachineModel m = new MachineModel(new MachineSpec("capper", 600, 10, 1.2, 8.0), 100, new SplittableRandom(5));
        double peak = 0;
        int t = 0;
        while (!(m.state() == MachineState.DOWN && m.downReason() == DownReason.BEARING_FAULT)) {
            m.step();
            peak = Math.max(peak, m.vibration());
            assertTrue(++t < 12 * TICKS_PER_HOUR, "no bearing fault in 12 simulated hours at wear " + m.wear());
        }
        assertTrue(peak > 8, "a worn bearing vibrates hard before failing: peak " + peak + " mm/s");
        int down = 0;
        while (m.state() != MachineState.RUNNING) {
            m.step();
            if (++down > 50 && m.state() != MachineState.RUNNING) {
                assertEquals(0.0, m.speed(), 1.0, "five seconds after the fault the machine stands still");
            }
        }
        assertTrue(down > 20 * 60 * 10 - 10, "a bearing repair takes at least 20 minutes: " + down + " ticks");
        assertTrue(m.wear() < 0.1, "the repair replaced the bearing: wear " + m.wear());
        assertEquals(DownReason.NONE, m.downReason());
    }

    @Test
    void countersAndEnergyOnlyGrowUntilReset() {
        PlantModel p = new PlantModel(11, 3, 0, 100);
        MachineModel m = p.machines().get(1);
        long good = m.goodCount();
        double energy = m.energy();
        for (int t = 0; t < TICKS_PER_HOUR; t++) {
            p.step();
            assertTrue(m.goodCount() >= good && m.energy() >= energy, "tick " + t);
            good = m.goodCount();
            energy = m.energy();
        }
        assertTrue(good > 10_000, "an hour at ~600 units/min makes many units: " + good);
        assertTrue(m.rejectCount() > 0 && m.rejectCount() < good / 10, "rejects " + m.rejectCount());
        m.resetCounters();
        assertEquals(0, m.goodCount());
        assertEquals(0, m.rejectCount());
        assertTrue(m.energy() >= energy, "resetting counters leaves the energy meter alone");
    }

    /**
     * An energy meter is on the machine, not in the server: a plant started again (the same seed, a
     * second after the first stopped) reads on from where its meters were, never less. A fall would
     * be a meter reset to whoever reads it, and the cost model would count the whole reading again.
     */
    @Test
    void aRestartedPlantsEnergyMetersReadOnFromWhereTheyWere() {
        long start = java.time.Instant.parse("2026-11-02T06:00:00Z").toEpochMilli();
        PlantModel first = new PlantModel(42, 4, 0, 100, start);
        for (MachineModel m : first.machines()) {
            m.setSpeedSetpoint(m.spec().maxSpeed());
        }
        for (int t = 0; t < TICKS_PER_HOUR; t++) {
            first.step();
        }
        PlantModel again = new PlantModel(42, 4, 0, 100, start + 3_600_000 + 1_000);
        for (int i = 0; i < 4; i++) {
            double before = first.machines().get(i).energy();
            double after = again.machines().get(i).energy();
            assertTrue(after >= before, "machine " + i + ": " + before + " kWh before the restart, " + after + " after");
            assertTrue(after - before < 2 * first.machines().get(i).spec().ratedPowerKw() * 1.01,
                "machine " + i + ": the hour and a second since the start, at most twice the rated power: "
                    + (after - before) + " kWh more");
        }
    }

    @Test
    void theMachineFollowsItsSetpointAndOperatorCommands() {
        MachineModel m = new MachineModel(new MachineSpec("labeler", 600, 10, 0.1, 8.0), 100, new SplittableRandom(9));
        m.setSpeedSetpoint(300);
        for (int t = 0; t < 200; t++) {
            m.step();
        }
        assertEquals(MachineState.RUNNING, m.state());
        assertEquals(300, m.speed(), 10, "speed after 20 s at setpoint 300");
        assertThrows(IllegalArgumentException.class, () -> m.setSpeedSetpoint(-1));
        assertThrows(IllegalArgumentException.class, () -> m.setSpeedSetpoint(m.spec().maxSpeed() + 1));

        assertThrows(IllegalArgumentException.class, () -> m.command(MachineState.DOWN, 0));
        m.command(MachineState.DOWN, DownReason.CHANGEOVER);
        for (int t = 0; t < 2 * TICKS_PER_HOUR; t++) {
            m.step();
        }
        assertEquals(MachineState.DOWN, m.state(), "an operator's down holds");
        assertEquals(DownReason.CHANGEOVER, m.downReason());
        assertEquals(0.0, m.speed());

        m.command(MachineState.IDLE, 3);
        assertEquals(DownReason.NONE, m.downReason(), "idle has no reason code");
        m.command(MachineState.RUNNING, 0);
        for (int t = 0; t < 100; t++) {
            m.step();
        }
        assertFalse(m.held());
        assertTrue(m.speed() > 0, "running again");
        assertEquals(MachineState.DOWN, MachineState.parse(" Down "));
        assertThrows(IllegalArgumentException.class, () -> MachineState.parse("broken"));
    }

    @Test
    void pathsFollowTheIsa95Hierarchy() {
        assertEquals("acme/lyon/packaging/line1/filler/speed",
            PlantLayout.variablePath(PlantLayout.machineName(0), MachineVariable.SPEED));
        assertEquals(List.of("filler", "capper", "labeler", "palletizer", "machine5"),
            List.of(PlantLayout.machineName(0), PlantLayout.machineName(1), PlantLayout.machineName(2),
                PlantLayout.machineName(3), PlantLayout.machineName(4)));
        assertEquals("acme/lyon/packaging/line1/sensors/s00001", PlantLayout.sensorPath(0, 50_000));
        assertEquals("s50000", PlantLayout.sensorName(49_999, 50_000));
        assertEquals("s000001", PlantLayout.sensorName(0, 100_000));
        assertThrows(IllegalArgumentException.class, () -> new PlantModel(1, 2, 0, 100));
    }

    /** Every published value of the plant, machines then sensors. */
    private static List<Object> snapshot(PlantModel p) {
        List<Object> values = new ArrayList<>();
        for (MachineModel m : p.machines()) {
            for (MachineVariable v : MachineVariable.values()) {
                values.add(v.read(m));
            }
        }
        for (int i = 0; i < p.sensors().size(); i++) {
            values.add(p.sensors().value(i));
        }
        return values;
    }

    private static double meanVibrationAtSpeed(MachineModel m, int ticks) {
        double sum = 0;
        int n = 0;
        for (int t = 0; t < ticks; t++) {
            m.step();
            if (m.state() == MachineState.RUNNING && m.speed() > 0.95 * m.spec().ratedSpeed()) {
                sum += m.vibration();
                n++;
            }
        }
        assertTrue(n > ticks / 4, "the machine ran at speed for " + n + " of " + ticks + " ticks");
        return sum / n;
    }
}
