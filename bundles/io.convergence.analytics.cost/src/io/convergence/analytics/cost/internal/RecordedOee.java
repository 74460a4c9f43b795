package io.convergence.analytics.cost.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.oee.OeeException;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.OeeService;
import io.convergence.api.oee.Period;
import io.convergence.api.oee.Stop;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

/**
 * The OEE of closed periods as the OEE model published them into a historian
 * ({@code <line>/oee/shift|order|hour} and {@code <line>/oee/stops}, one JSON sample per period or stop,
 * stamped at its start): what the command line reads from a data folder without running the model.
 * It knows no running period (those are published when they close) and corrects nothing.
 */
final class RecordedOee implements OeeService {

    /** How far before a range a period or stop overlapping it may have started. */
    static final Duration LONGEST = Duration.ofDays(14);

    private static final int BATCH = 10_000;

    /** The range historians store (years 1 to 9999). */
    private static final Instant EARLIEST = Instant.parse("0001-01-15T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final Historian historian;
    private final List<PointPath> lines;

    private RecordedOee(Historian historian, List<PointPath> lines) {
        this.historian = historian;
        this.lines = lines;
    }

    /** The recorded OEE of a historian: the lines that have OEE points. */
    static RecordedOee of(Historian historian) throws HistorianException {
        TreeSet<PointPath> lines = new TreeSet<>();
        for (PointSummary p : historian.points()) {
            PointPath point = p.point();
            if (point.depth() >= 3 && (point.name().equals("order") || point.name().equals("shift")
                || point.name().equals("stops")) && point.segments().get(point.depth() - 2).equals("oee")) {
                lines.add(new PointPath(point.segments().subList(0, point.depth() - 2)));
            }
        }
        return new RecordedOee(historian, List.copyOf(lines));
    }

    @Override
    public List<PointPath> lines() {
        return lines;
    }

    @Override
    public List<OeeFigures> figures(PointPath line, Period period, Instant from, Instant to) throws OeeException {
        check(line);
        PointPath point = line.child("oee").child(period.name().toLowerCase(Locale.ROOT));
        TreeMap<Instant, OeeFigures> byStart = new TreeMap<>();
        for (OeeFigures f : read(point, from, to, OeeJson::figures)) {
            if (f.to().isAfter(from) && f.from().isBefore(to)) {
                byStart.put(f.from(), f);
            }
        }
        return List.copyOf(byStart.values());
    }

    @Override
    public Optional<OeeFigures> current(PointPath line, Period period) throws OeeException {
        check(line);
        return Optional.empty();
    }

    @Override
    public List<Stop> stops(PointPath line, Instant from, Instant to) throws OeeException {
        check(line);
        TreeMap<Instant, Stop> byStart = new TreeMap<>();
        for (Stop s : read(line.child("oee").child("stops"), from, to, OeeJson::stop)) {
            if (s.start().isBefore(to) && (s.end() == null || s.end().isAfter(from))) {
                byStart.put(s.start(), s);
            }
        }
        return List.copyOf(byStart.values());
    }

    @Override
    public void reassign(PointPath line, Instant stopStart, String reasonCode) throws OeeException {
        throw new OeeException("recorded OEE figures are read here, not corrected: reassign stops in the running product");
    }

    @Override
    public void split(PointPath line, Instant stopStart, Instant at, String reasonCode) throws OeeException {
        throw new OeeException("recorded OEE figures are read here, not corrected: split stops in the running product");
    }

    private void check(PointPath line) throws OeeException {
        if (!lines.contains(line)) {
            throw new OeeException("no OEE figures for line " + line + "; lines with figures: "
                + (lines.isEmpty() ? "none" : lines));
        }
    }

    private <T> List<T> read(PointPath point, Instant from, Instant to, Function<String, T> parse) throws OeeException {
        List<T> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Instant start = from.isAfter(EARLIEST) ? from.minus(LONGEST) : EARLIEST;
        Instant end = to.isBefore(LATEST) ? to : LATEST;
        try {
            historian.read(List.of(point), start, end, BATCH, batch -> parse(batch, parse, out, problems));
        } catch (HistorianException e) {
            throw new OeeException("reading " + point + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new OeeException("recorded OEE sample of " + point + " " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return out;
    }

    private static <T> void parse(SampleBatch batch, Function<String, T> parse, List<T> out, List<String> problems) {
        for (int i = 0; i < batch.size(); i++) {
            String text = batch.text(i);
            if (text == null) {
                continue;
            }
            try {
                out.add(parse.apply(text));
            } catch (RuntimeException e) {
                problems.add("at " + batch.time(i) + ": " + e.getMessage());
            }
        }
    }
}
