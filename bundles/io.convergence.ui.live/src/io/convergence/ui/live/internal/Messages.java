package io.convergence.ui.live.internal;

import org.eclipse.osgi.util.NLS;

/** The Live Values view's user-visible strings, from {@code messages.properties}. */
public final class Messages extends NLS {

    public static String Live_point = "";
    public static String Live_value = "";
    public static String Live_unit = "";
    public static String Live_quality = "";
    public static String Live_time = "";
    public static String Live_age = "";
    public static String Live_add = "";
    public static String Live_addTip = "";
    public static String Live_remove = "";
    public static String Live_removeTip = "";
    public static String Live_copyPaths = "";
    public static String Live_hint = "";
    public static String Live_summary = "";
    public static String Live_summaryProblems = "";
    public static String Live_noValue = "";
    public static String Live_ageNow = "";
    public static String Live_ageSeconds = "";
    public static String Live_ageMinutes = "";
    public static String Live_ageHours = "";
    public static String Live_ageDays = "";
    public static String Add_title = "";
    public static String Add_message = "";

    static {
        NLS.initializeMessages("io.convergence.ui.live.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
