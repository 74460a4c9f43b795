package io.convergence.ui.common.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;
import io.convergence.ui.common.PointSearch;

import org.junit.jupiter.api.Test;

/** The one way every view finds points by typing: words of the path, unit or description. */
class PointSearchTest {

    static final String LINE = "acme/lyon/packaging/line1";

    @Test
    void everyWordTypedMustAppearInThePathUnitOrDescriptionIgnoringCase() {
        PointSearch s = PointSearch.of(List.of(
            info("filler/vibration", DataType.DOUBLE, "mm/s", "Vibration velocity"),
            info("capper/vibration", DataType.DOUBLE, "mm/s", "Vibration velocity"),
            info("filler/state", DataType.STRING, "", "Machine state"),
            info("filler/bearingTemperature", DataType.DOUBLE, "°C", "Bearing temperature"),
            info("filler/temperature", DataType.DOUBLE, "°C", "Product temperature")));
        assertEquals(List.of(LINE + "/filler/vibration"), paths(s.matching("FILLER  vib")));
        assertEquals(List.of(LINE + "/filler/bearingTemperature", LINE + "/filler/temperature"), paths(s.matching("°c")),
            "units match, sorted by path");
        assertEquals(List.of(LINE + "/filler/state"), paths(s.matching("machine")), "descriptions match");
        assertEquals(List.of(LINE + "/filler/bearingTemperature"), paths(s.matching("bearing filler")),
            "the words may come in any order");
        assertEquals(5, s.matching("   ").size(), "nothing typed: every point");
        assertEquals(List.of(), s.matching("filler pressure"));
        assertTrue(PointSearch.matches(s.points().get(0), "velocity CAPPER"));
        assertFalse(PointSearch.matches(s.points().get(0), "filler"));
    }

    @Test
    void aPointAtAPathIsListedOnceAsFirstGiven() {
        PointInfo announced = info("filler/speed", DataType.DOUBLE, "bottles/min", "Filling speed");
        PointInfo recorded = info("filler/speed", DataType.DOUBLE, "", "recorded earlier");
        PointSearch s = PointSearch.of(List.of(announced, recorded));
        assertEquals(List.of(announced), s.points());
    }

    @Test
    void findsAmongOneHundredThousandPoints() {
        List<PointInfo> all = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            all.add(info(String.format("sensors/s%06d", i), DataType.DOUBLE, "bar", "Pressure sensor " + i));
        }
        all.add(info("filler/speed", DataType.DOUBLE, "bottles/min", "Filling speed"));
        PointSearch s = PointSearch.of(all);
        assertEquals(List.of(LINE + "/filler/speed"), paths(s.matching(" Filler/SPEED ")));
        assertEquals(10, s.matching("s09999").size(), "s099990 .. s099999");
        assertEquals(100_001, s.indicesMatching("").length);
    }

    static PointInfo info(String path, DataType type, String unit, String description) {
        return new PointInfo(PointPath.parse(LINE + "/" + path), type, unit, description, "test", null);
    }

    static List<String> paths(List<PointInfo> points) {
        return points.stream().map(p -> p.path().toString()).toList();
    }
}
