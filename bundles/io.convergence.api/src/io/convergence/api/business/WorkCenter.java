package io.convergence.api.business;

import io.convergence.api.point.PointPath;

/**
 * A line, as the business sees it: a work centre in ISA-95 terms.
 *
 * @param id the work centre's number in the source
 * @param name a human name
 * @param path where the line is in the plant hierarchy, such as {@code acme/lyon/packaging/line1}:
 *     the points of its machines lie below it, which is how plant data and business data meet
 * @param costRatePerHour what an hour of the line costs (labour, depreciation, overhead), running
 *     or not, in {@code currency}
 * @param currency the ISO 4217 code of the rate
 */
public record WorkCenter(String id, String name, PointPath path, double costRatePerHour, String currency) {

    /**
     * @throws IllegalArgumentException if the id is empty or the rate is negative
     */
    public WorkCenter {
        Records.id("work centre", id);
        Records.notNegative("work centre " + id + ": costRatePerHour", costRatePerHour);
    }
}
