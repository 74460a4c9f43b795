package io.convergence.ui.orders.internal.model;

import org.eclipse.osgi.util.NLS;

/** The Orders view's user-visible strings, from {@code messages.properties}. */
public final class Messages extends NLS {

    public static String Orders_line = "";
    public static String Orders_noBusinessTitle = "";
    public static String Orders_noBusiness = "";
    public static String Orders_noLinesTitle = "";
    public static String Orders_noLines = "";
    public static String Orders_failedTitle = "";
    public static String Orders_noOee = "";
    public static String Orders_oeeFailed = "";
    public static String Orders_noCost = "";
    public static String Orders_costFailed = "";
    public static String Orders_count = "";
    public static String Orders_productName = "";
    public static String Orders_progress = "";
    public static String Orders_progressUnknown = "";
    public static String Orders_none = "";
    public static String Orders_finished = "";
    public static String Orders_cancelled = "";
    public static String Orders_cannotFinish = "";
    public static String Orders_lateNoRate = "";
    public static String Orders_late = "";
    public static String Orders_ahead = "";
    public static String Orders_order = "";
    public static String Orders_product = "";
    public static String Orders_state = "";
    public static String Orders_progressColumn = "";
    public static String Orders_oee = "";
    public static String Orders_scrap = "";
    public static String Orders_due = "";
    public static String Orders_forecast = "";
    public static String Orders_lateness = "";
    public static String Orders_showTrend = "";
    public static String Orders_showTrendTip = "";
    public static String Orders_noTrend = "";
    public static String Orders_noWindow = "";
    public static String Orders_noPoints = "";
    public static String Orders_sent = "";
    public static String State_PLANNED = "";
    public static String State_RELEASED = "";
    public static String State_RUNNING = "";
    public static String State_COMPLETED = "";
    public static String State_CANCELLED = "";

    static {
        NLS.initializeMessages("io.convergence.ui.orders.internal.model.messages", Messages.class);
    }

    private Messages() {
    }
}
