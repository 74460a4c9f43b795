package io.convergence.analytics.cost.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.convergence.api.business.LossCategory;
import io.convergence.api.oee.Definition;
import io.convergence.api.oee.Losses;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;

/** An OEE service answering with figures and stops written by hand, as the OEE model would. */
final class HandOee implements OeeService {

    final PointPath line;
    final List<OeeFigures> figures = new CopyOnWriteArrayList<>();
    final List<Stop> stops = new CopyOnWriteArrayList<>();

    HandOee(PointPath line) {
        this.line = line;
    }

    /** Figures of a closed period (the OEE fractions do not matter to costs; they are made consistent enough). */
    OeeFigures period(Period period, String from, String to, String shift, String order, String product, double ideal,
                      long total, long good, boolean complete) {
        Instant f = Instant.parse(from);
        Instant t = Instant.parse(to);
        double planned = (t.toEpochMilli() - f.toEpochMilli()) / 1000.0;
        OeeFigures x = new OeeFigures(line, period, f, t, complete, shift, order, product, Definition.COMMON, planned,
            planned, ideal, total, good, 1, total * ideal / planned, total == 0 ? 1 : (double) good / total,
            good * ideal / planned, Losses.NONE);
        figures.add(x);
        return x;
    }

    Stop stop(String from, String to, String code, String text, boolean planned) {
        Stop s = new Stop(line, Instant.parse(from), to == null ? null : Instant.parse(to), code, text,
            LossCategory.AVAILABILITY, planned, false, false);
        stops.add(s);
        return s;
    }

    @Override
    public List<PointPath> lines() {
        return List.of(line);
    }

    private void check(PointPath l) throws OeeException {
        if (!l.equals(line)) {
            throw new OeeException("no OEE configuration for line " + l);
        }
    }

    @Override
    public List<OeeFigures> figures(PointPath l, Period period, Instant from, Instant to) throws OeeException {
        check(l);
        return figures.stream().filter(f -> f.period() == period && f.from().isBefore(to) && f.to().isAfter(from))
            .sorted(Comparator.comparing(OeeFigures::from)).toList();
    }

    @Override
    public Optional<OeeFigures> current(PointPath l, Period period) throws OeeException {
        check(l);
        return figures.stream().filter(f -> f.period() == period && !f.complete()).reduce((a, b) -> b);
    }

    @Override
    public List<Stop> stops(PointPath l, Instant from, Instant to) throws OeeException {
        check(l);
        return stops.stream().filter(s -> s.start().isBefore(to) && (s.end() == null || s.end().isAfter(from)))
            .sorted(Comparator.comparing(Stop::start)).toList();
    }

    @Override
    public void reassign(PointPath l, Instant stopStart, String reasonCode) throws OeeException {
        throw new OeeException("not in this test");
    }

    @Override
    public void split(PointPath l, Instant stopStart, Instant at, String reasonCode) throws OeeException {
        throw new OeeException("not in this test");
    }
}
