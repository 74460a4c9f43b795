package io.convergence.ui.downtime.internal.model;

import org.eclipse.osgi.util.NLS;

/** The Downtime view's user-visible strings, from {@code messages.properties}. */
public final class Messages extends NLS {

    public static String Downtime_line = "";
    public static String Downtime_range = "";
    public static String Downtime_noServiceTitle = "";
    public static String Downtime_noService = "";
    public static String Downtime_noLinesTitle = "";
    public static String Downtime_noLines = "";
    public static String Downtime_failedTitle = "";
    public static String Downtime_noCostService = "";
    public static String Downtime_costFailed = "";
    public static String Downtime_noBusinessData = "";
    public static String Downtime_noReason = "";
    public static String Downtime_summary = "";
    public static String Downtime_running = "";
    public static String Downtime_reason = "";
    public static String Downtime_planned = "";
    public static String Downtime_micro = "";
    public static String Downtime_corrected = "";
    public static String Downtime_choice = "";
    public static String Downtime_choicePlanned = "";
    public static String Downtime_byTime = "";
    public static String Downtime_byCost = "";
    public static String Downtime_hours = "";
    public static String Downtime_cumulative = "";
    public static String Downtime_noStops = "";
    public static String Downtime_start = "";
    public static String Downtime_end = "";
    public static String Downtime_duration = "";
    public static String Downtime_reasonColumn = "";
    public static String Downtime_category = "";
    public static String Downtime_note = "";
    public static String Downtime_setReason = "";
    public static String Downtime_split = "";
    public static String Category_AVAILABILITY = "";
    public static String Category_PERFORMANCE = "";
    public static String Category_QUALITY = "";
    public static String Range_SHIFT = "";
    public static String Range_DAY = "";
    public static String Range_WEEK = "";
    public static String Reason_title = "";
    public static String Reason_message = "";
    public static String Split_title = "";
    public static String Split_message = "";
    public static String Split_time = "";
    public static String Split_notATime = "";
    public static String Split_outside = "";
    public static String Split_pickReason = "";
    public static String Done_reassigned = "";
    public static String Done_split = "";
    public static String Error_refused = "";
    public static String Error_reassign = "";
    public static String Error_split = "";

    static {
        NLS.initializeMessages("io.convergence.ui.downtime.internal.model.messages", Messages.class);
    }

    private Messages() {
    }
}
