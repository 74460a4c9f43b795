package io.convergence.ui.workbench.points;

import java.util.ArrayList;
import java.util.List;

import io.convergence.api.point.PointPath;

/**
 * Points passed between views. Through the e4 {@code IEventBroker}: post {@link #ADD_TO_TREND} or
 * {@link #ADD_TO_LIVE_VALUES} with a {@code List<String>} of point paths as the event data; the
 * receiving view opens itself if needed (the sender shows the part first with
 * {@code EPartService.showPart(viewId, ...)}). Through drag and drop: SWT's {@code TextTransfer}
 * carrying {@link #toText(List)}.
 */
public final class PointHandoff {

    /** Topic: add these points to the trend. */
    public static final String ADD_TO_TREND = "convergence/ui/points/addToTrend";
    /** Topic: add these points to the live values table. */
    public static final String ADD_TO_LIVE_VALUES = "convergence/ui/points/addToLiveValues";

    /** Part id of the trend view. */
    public static final String TREND_VIEW = "io.convergence.ui.trend.view";
    /** Part id of the live values view. */
    public static final String LIVE_VALUES_VIEW = "io.convergence.ui.live.view";
    /** Part id of the plant explorer. */
    public static final String EXPLORER_VIEW = "io.convergence.ui.explorer.view";
    /** Part id of the connections view. */
    public static final String CONNECTIONS_VIEW = "io.convergence.ui.connections.view";
    /** Part id of the events view. */
    public static final String EVENTS_VIEW = "io.convergence.ui.events.view";

    private PointHandoff() {
    }

    /** Points as dragged text: one path per line. */
    public static String toText(List<PointPath> points) {
        StringBuilder b = new StringBuilder();
        for (PointPath p : points) {
            b.append(p).append('\n');
        }
        return b.toString();
    }

    /** The points in dragged text; lines that are not point paths are ignored. */
    public static List<PointPath> fromText(String text) {
        List<PointPath> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                try {
                    out.add(PointPath.parse(line.strip()));
                } catch (IllegalArgumentException e) {
                    // not a point; skip it
                }
            }
        }
        return out;
    }
}
