package io.convergence.sim.erp.internal.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

import io.convergence.api.business.TariffPeriod;

/**
 * The plant's electricity tariff, day by day: on weekdays peak from 07:00 to 21:00 and off-peak
 * otherwise, at weekends off-peak all day. Prices change every month, by the seed.
 */
public final class Tariffs {

    private Tariffs() {
    }

    /** The periods of one day, in order. */
    public static List<TariffPeriod> day(long seed, LocalDate date, ZoneId zone) {
        SplittableRandom r = Seeds.stream(seed, "tariff", date.getYear() * 12L + date.getMonthValue());
        double offPeak = Seeds.vary(r, 0.12, 0.1, 0.0001);
        double peak = Seeds.vary(r, 0.21, 0.1, 0.0001);
        ZonedDateTime midnight = date.atStartOfDay(zone);
        ZonedDateTime next = date.plusDays(1).atStartOfDay(zone);
        String prefix = "TP-" + date + "-";
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return List.of(new TariffPeriod(prefix + "1", "off-peak", midnight.toInstant(), next.toInstant(), offPeak,
                MasterData.CURRENCY));
        }
        ZonedDateTime seven = ZonedDateTime.of(date, LocalTime.of(7, 0), zone);
        ZonedDateTime nine = ZonedDateTime.of(date, LocalTime.of(21, 0), zone);
        return List.of(
            new TariffPeriod(prefix + "1", "off-peak", midnight.toInstant(), seven.toInstant(), offPeak, MasterData.CURRENCY),
            new TariffPeriod(prefix + "2", "peak", seven.toInstant(), nine.toInstant(), peak, MasterData.CURRENCY),
            new TariffPeriod(prefix + "3", "off-peak", nine.toInstant(), next.toInstant(), offPeak, MasterData.CURRENCY));
    }
}
