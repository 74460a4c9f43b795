package io.convergence.ui.common;

import org.eclipse.osgi.util.NLS;

/** The user-visible strings of the common view parts, from {@code messages.properties}. */
final class Messages extends NLS {

    public static String Quality_GOOD = "";
    public static String Quality_UNCERTAIN = "";
    public static String Quality_BAD = "";
    public static String Quality_stale = "";
    public static String Quality_waiting = "";
    public static String State_CONNECTED = "";
    public static String State_CONNECTING = "";
    public static String State_RECONNECTING = "";
    public static String State_FAILED = "";
    public static String State_DISCONNECTED = "";
    public static String Picker_filterHint = "";
    public static String Picker_count = "";
    public static String Picker_point = "";
    public static String Picker_unit = "";
    public static String Picker_type = "";
    public static String Picker_description = "";
    public static String Format_none = "";
    public static String Format_percent = "";
    public static String Format_money = "";
    public static String Format_seconds = "";
    public static String Format_minutes = "";
    public static String Format_hours = "";
    public static String Format_days = "";

    static {
        NLS.initializeMessages("io.convergence.ui.common.messages", Messages.class);
    }

    private Messages() {
    }
}
