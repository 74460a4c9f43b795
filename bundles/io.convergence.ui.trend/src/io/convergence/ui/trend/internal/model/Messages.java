package io.convergence.ui.trend.internal.model;

import org.eclipse.osgi.util.NLS;

/** The Trend view's texts, from {@code messages.properties}. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.convergence.ui.trend.internal.model.messages";

    public static String addPoint;
    public static String addPointTip;
    public static String addPointTitle;
    public static String addPointMessage;
    public static String removePen;
    public static String removePenTip;
    public static String noPens;
    public static String live;
    public static String liveTip;
    public static String fit;
    public static String fitTip;
    public static String exportCsv;
    public static String exportCsvTip;
    public static String savePng;
    public static String savePngTip;
    public static String rangeTip;
    public static String range_LAST_5_MIN;
    public static String range_LAST_15_MIN;
    public static String range_LAST_1_H;
    public static String range_LAST_8_H;
    public static String range_LAST_24_H;
    public static String range_LAST_7_D;
    public static String rangeCustom;
    public static String customTitle;
    public static String customMessage;
    public static String customFrom;
    public static String customTo;
    public static String customInvalid;
    public static String emptyChart;
    public static String statusLoading;
    public static String statusLoaded;
    public static String statusNoHistorian;
    public static String statusNoHistory;
    public static String statusHistoryFailed;
    public static String statusNotNumeric;
    public static String statusFull;
    public static String statusExporting;
    public static String statusExported;
    public static String statusExportCancelled;
    public static String statusExportFailed;
    public static String statusSavedPng;
    public static String statusPngFailed;
    public static String historyOnly;
    public static String helpTip;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
