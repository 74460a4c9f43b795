package io.convergence.ui.explorer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.ui.explorer.internal.ExplorerModel;
import io.convergence.ui.explorer.internal.PlantFolder;
import io.convergence.ui.explorer.internal.PointGroup;

import org.junit.jupiter.api.Test;

/** The plant tree without a display: filing points by path, filtering, expanding, what a selection drags. */
class ExplorerModelTest {

    @Test
    void filesPointsByPathSegmentsFoldersFirst() {
        List<PointInfo> points = new ArrayList<>(Points.line());
        points.add(Points.point(Points.LINE + "/lineSpeed", "units/min", DataType.DOUBLE));
        Collections.shuffle(points, new Random(1));
        ExplorerModel.View view = ExplorerModel.of(points).view("Plant", "");

        PlantFolder root = view.root();
        assertEquals("Plant", root.name());
        assertEquals(21, root.pointCount());
        PlantFolder line = folder(root, "acme", "lyon", "packaging", "line1");
        assertEquals(List.of("capper", "filler", "labeler", "palletizer", "lineSpeed"), names(line));
        assertInstanceOf(PointInfo.class, line.children().get(4), "points after folders");
        PlantFolder filler = folder(line, "filler");
        assertEquals(PointPath.parse(Points.LINE + "/filler"), filler.path());
        assertEquals(List.of("goodCount", "speed", "speedSetpoint", "state", "temperature"), names(filler));
        PointInfo speed = (PointInfo) filler.children().get(1);
        assertEquals("units/min", speed.unit());
        assertEquals(DataType.DOUBLE, speed.type());
        assertEquals(List.of(root, folder(root, "acme"), folder(root, "acme", "lyon"), folder(root, "acme", "lyon", "packaging"), line),
            view.expanded(), "the single-child chain down to the line is expanded");
        assertEquals(21, view.matches());
    }

    @Test
    void aFolderOfThousandsShowsItsPointsInGroups() {
        PlantFolder sensors = folder(ExplorerModel.of(Points.sensors(1_201)).view("Plant", "").root(),
            "acme", "lyon", "packaging", "line1", "sensors");
        assertEquals(3, sensors.children().size());
        PointGroup first = (PointGroup) sensors.children().get(0);
        assertEquals(ExplorerModel.GROUP_SIZE, first.points().size());
        assertEquals("s00001 \u2026 s00500", first.label());
        assertEquals("s01001 \u2026 s01201", ((PointGroup) sensors.children().get(2)).label());
        assertEquals(1_201, sensors.points().size());
    }

    @Test
    void filterKeepsPathsContainingTheTextIgnoringCaseAndExpandsDownToThem() {
        ExplorerModel model = ExplorerModel.of(Points.line());
        ExplorerModel.View view = model.view("Plant", "  FILLER/Speed ");
        assertTrue(view.filtered());
        assertEquals(2, view.matches(), "speed and speedSetpoint");
        PlantFolder filler = folder(view.root(), "acme", "lyon", "packaging", "line1", "filler");
        assertEquals(List.of("speed", "speedSetpoint"), names(filler));
        assertTrue(view.expanded().contains(filler), "folders leading to few matches are expanded");
        assertEquals(1, folder(view.root(), "acme", "lyon", "packaging", "line1").children().size());

        ExplorerModel.View none = model.view("Plant", "no such point");
        assertEquals(0, none.matches());
        assertTrue(none.root().children().isEmpty());
    }

    @Test
    void filteringTenThousandPointsStaysFast() {
        List<PointInfo> points = new ArrayList<>(Points.line());
        points.addAll(Points.sensors(10_000));
        long built = System.nanoTime();
        ExplorerModel model = ExplorerModel.of(points);
        long buildMs = (System.nanoTime() - built) / 1_000_000;
        for (int i = 0; i < 5; i++) {
            model.view("Plant", "s0" + i);
        }
        long start = System.nanoTime();
        int rounds = 20;
        int matches = 0;
        for (int i = 0; i < rounds; i++) {
            matches += model.view("Plant", i % 2 == 0 ? "s07" : "SPEED").matches();
        }
        double perFilterMs = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("explorer model: built 10,020 points in %d ms, filtered in %.2f ms%n", buildMs, perFilterMs);
        assertEquals(10 * 1_000 + 10 * 8, matches, "s07000..s07999 and 8 speed points, 10 times each");
        assertTrue(perFilterMs < 50, "filtering 10,020 points took " + perFilterMs + " ms; a keystroke must stay under 50 ms");

        ExplorerModel.View many = model.view("Plant", "sensors/s");
        assertEquals(10_000, many.matches());
        assertTrue(many.expanded().size() <= 6, "many matches: only the chain is expanded, not 20 groups: " + many.expanded());
    }

    @Test
    void fingerprintChangesWithAnyPointAndNotWithOrder() {
        List<PointInfo> points = Points.line();
        List<PointInfo> shuffled = new ArrayList<>(points);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(ExplorerModel.of(points).fingerprint(), ExplorerModel.of(shuffled).fingerprint());
        List<PointInfo> changed = new ArrayList<>(points);
        PointInfo p = changed.get(2);
        changed.set(2, new PointInfo(p.path(), p.type(), "K", p.description(), p.source(), p.sourceAddress()));
        assertNotEquals(ExplorerModel.fingerprint(points), ExplorerModel.fingerprint(changed));
        assertNotEquals(ExplorerModel.fingerprint(points), ExplorerModel.fingerprint(points.subList(1, points.size())));
    }

    @Test
    void aSelectedFolderStandsForEveryPointBelowItOnce() {
        ExplorerModel.View view = ExplorerModel.of(Points.line()).view("Plant", "");
        PlantFolder filler = folder(view.root(), "acme", "lyon", "packaging", "line1", "filler");
        PlantFolder capper = folder(view.root(), "acme", "lyon", "packaging", "line1", "capper");
        Object speed = filler.children().get(1);
        List<PointPath> points = ExplorerModel.pointsOf(List.of(speed, filler, capper));
        assertEquals(10, points.size());
        assertEquals(PointPath.parse(Points.LINE + "/filler/speed"), points.get(0));
        assertEquals(PointPath.parse(Points.LINE + "/capper/goodCount"), points.get(5));
    }

    @Test
    void foldersAreEqualByPathSoARebuiltTreeKeepsItsExpansion() {
        PlantFolder a = folder(ExplorerModel.of(Points.line()).view("Plant", "").root(), "acme", "lyon");
        PlantFolder b = folder(ExplorerModel.of(Points.sensors(3)).view("Plant", "").root(), "acme", "lyon");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    static PlantFolder folder(PlantFolder from, String... names) {
        PlantFolder at = from;
        for (String n : names) {
            at = at.children().stream().filter(c -> c instanceof PlantFolder f && f.name().equals(n)).map(PlantFolder.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no folder " + n));
        }
        return at;
    }

    static List<String> names(PlantFolder f) {
        return f.children().stream().map(c -> c instanceof PlantFolder pf ? pf.name() : ((PointInfo) c).path().name()).toList();
    }
}
