package io.convergence.ui.live.internal;

/**
 * One row of the Live Values table as shown: texts and a style. Rows are compared to what is on
 * screen; only rows that differ are redrawn.
 *
 * @param point the point's path
 * @param value the value, formatted
 * @param unit the engineering unit, empty if none or not known yet
 * @param quality the quality, and whether the value is stale
 * @param time the source timestamp, formatted; empty before the first value
 * @param age how long ago the value arrived; empty before the first value
 * @param style how the row stands out
 */
public record LiveRow(String point, String value, String unit, String quality, String time, String age, Style style) {

    /** How a row stands out, most urgent first. */
    public enum Style {
        /** Quality bad: red. */
        BAD,
        /** No update for {@link LiveValuesModel#STALE_AFTER_MS}: grey. */
        STALE,
        /** Quality uncertain: orange. */
        UNCERTAIN,
        /** Quality good and fresh: normal. */
        GOOD,
        /** No value received yet: grey italics. */
        WAITING
    }
}
