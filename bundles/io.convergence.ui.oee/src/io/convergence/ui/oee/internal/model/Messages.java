package io.convergence.ui.oee.internal.model;

import org.eclipse.osgi.util.NLS;

/** The OEE view's user-visible strings, from {@code messages.properties}. */
public final class Messages extends NLS {

    public static String Oee_line = "";
    public static String Oee_availability = "";
    public static String Oee_performance = "";
    public static String Oee_quality = "";
    public static String Oee_oee = "";
    public static String Oee_noServiceTitle = "";
    public static String Oee_noService = "";
    public static String Oee_noLinesTitle = "";
    public static String Oee_noLines = "";
    public static String Oee_failedTitle = "";
    public static String Oee_failed = "";
    public static String Oee_noShift = "";
    public static String Oee_noOrder = "";
    public static String Oee_shiftHeading = "";
    public static String Oee_orderHeading = "";
    public static String Oee_product = "";
    public static String Oee_span = "";
    public static String Oee_spanNow = "";
    public static String Oee_definitionCommon = "";
    public static String Oee_definitionIso = "";
    public static String Oee_definitionUnknown = "";
    public static String Oee_historyTitle = "";
    public static String Oee_historyAxis = "";
    public static String Oee_shiftLabel = "";
    public static String Oee_shiftLabelNow = "";
    public static String Oee_waterfallShift = "";
    public static String Oee_waterfallOrder = "";
    public static String Oee_waterfallNone = "";
    public static String Oee_stepValue = "";
    public static String Oee_updated = "";
    public static String Waterfall_planned = "";
    public static String Waterfall_breakdowns = "";
    public static String Waterfall_setup = "";
    public static String Waterfall_smallStops = "";
    public static String Waterfall_reducedSpeed = "";
    public static String Waterfall_startupRejects = "";
    public static String Waterfall_productionRejects = "";
    public static String Waterfall_productive = "";

    static {
        NLS.initializeMessages("io.convergence.ui.oee.internal.model.messages", Messages.class);
    }

    private Messages() {
    }
}
