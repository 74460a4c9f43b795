package io.convergence.ui.explorer.tests;

import java.util.ArrayList;
import java.util.List;

import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;

/** Point lists for model tests. */
final class Points {

    static final String LINE = "acme/lyon/packaging/line1";

    private Points() {
    }

    static PointInfo point(String path, String unit, DataType type) {
        return new PointInfo(PointPath.parse(path), type, unit, "", "plant", "ns=1;s=" + path);
    }

    /** Four machines of eleven variables, like the simulated plant. */
    static List<PointInfo> line() {
        List<PointInfo> out = new ArrayList<>();
        for (String m : List.of("filler", "capper", "labeler", "palletizer")) {
            out.add(point(LINE + "/" + m + "/speed", "units/min", DataType.DOUBLE));
            out.add(point(LINE + "/" + m + "/speedSetpoint", "units/min", DataType.DOUBLE));
            out.add(point(LINE + "/" + m + "/temperature", "°C", DataType.DOUBLE));
            out.add(point(LINE + "/" + m + "/state", "", DataType.STRING));
            out.add(point(LINE + "/" + m + "/goodCount", "units", DataType.INTEGER));
        }
        return out;
    }

    /** {@code count} sensors under line1/sensors. */
    static List<PointInfo> sensors(int count) {
        List<PointInfo> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(point(String.format("%s/sensors/s%05d", LINE, i), "bar", DataType.DOUBLE));
        }
        return out;
    }
}
