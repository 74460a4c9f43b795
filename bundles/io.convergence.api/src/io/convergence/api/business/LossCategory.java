package io.convergence.api.business;

import java.util.Locale;

/** The OEE factor a loss belongs to. */
public enum LossCategory {
    /** Time the line stood still: breakdowns, changeovers, shortages. */
    AVAILABILITY,
    /** Time the line ran below its ideal rate: reduced speed, short stops. */
    PERFORMANCE,
    /** Units that were not good: rejects, start-up scrap. */
    QUALITY;

    /**
     * The category named by {@code text}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the categories if the text names none
     */
    public static LossCategory parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (LossCategory c : values()) {
            if (c.name().equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("loss category '" + text + "' is not one of availability, performance, quality");
    }
}
