package io.convergence.ui.explorer.internal;

import org.eclipse.osgi.util.NLS;

/** The explorer's user-visible strings, from {@code messages.properties}. */
public final class Messages extends NLS {

    public static String Explorer_plant = "";
    public static String Explorer_connections = "";
    public static String Explorer_filterHint = "";
    public static String Explorer_loading = "";
    public static String Explorer_browseFailed = "";
    public static String Explorer_browseTimeout = "";
    public static String Explorer_browsing = "";
    public static String Explorer_watching = "";
    public static String Explorer_count = "";
    public static String Explorer_statusNone = "";
    public static String Explorer_statusAll = "";
    public static String Explorer_statusFiltered = "";
    public static String Explorer_addTo = "";
    public static String Explorer_copyPaths = "";
    public static String Explorer_refresh = "";
    public static String Explorer_method = "";
    public static String Explorer_tipPoint = "";
    public static String Explorer_tipVariable = "";

    static {
        NLS.initializeMessages("io.convergence.ui.explorer.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
