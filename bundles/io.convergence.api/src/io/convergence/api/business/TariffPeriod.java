package io.convergence.api.business;

import java.time.Instant;

/**
 * The price of electrical energy over a period, such as the peak hours of a day. A tariff is a
 * sequence of such periods; time-of-day tariffs are given as their concrete periods.
 *
 * @param id the period's id in the source
 * @param name what the tariff calls the period, such as {@code peak}
 * @param start when it begins
 * @param end when it ends (exclusive)
 * @param pricePerKwh the price of a kWh in the period, in {@code currency}
 * @param currency the ISO 4217 code of the price
 */
public record TariffPeriod(String id, String name, Instant start, Instant end, double pricePerKwh, String currency) {

    /**
     * @throws IllegalArgumentException if the id is empty, the period ends before it starts or the
     *     price is negative
     */
    public TariffPeriod {
        Records.id("tariff period", id);
        Records.window("tariff period " + id, start, end);
        Records.notNegative("tariff period " + id + ": pricePerKwh", pricePerKwh);
    }

    /** Whether {@code time} falls in it. */
    public boolean contains(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    /** Whether it overlaps {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return Records.overlaps(start, end, from, to);
    }
}
