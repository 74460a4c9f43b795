package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.Sample;
import io.convergence.historian.duckdb.DuckDbHistorianStore;
import io.convergence.historian.duckdb.StoreOptions;

/** {@code convergence history --data DIR list | export POINT}: what a historian folder holds. */
final class HistoryCommand implements Command {

    private static final int PAGE = 100_000;

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "list the recorded points of a data folder, or export one as CSV";
    }

    @Override
    public String help() {
        return """
            usage: convergence history --data DIR list
                   convergence history --data DIR export POINT [--from TIME] [--to TIME] [--bucket DURATION]

              list     every recorded point with its sample count and first and last time
              export   one point's samples as CSV on standard output: time,value,quality;
                       with --bucket, one row per bucket: start,count,min,max,avg,first,last,bad

              --data DIR         the historian folder of a demo or runtime (required)
              --from TIME        start, inclusive: 2026-11-26T08:00:00Z, 2026-11-26T09:00 (local), -1h, now
                                 (default: the point's first sample)
              --to TIME          end, exclusive (default: after the point's last sample)
              --bucket DURATION  aggregate per bucket of this length, e.g. 1s, 1m, 1h
            """;
    }

    @Override
    public int run(Context ctx, List<String> argv) throws UsageException, CommandException {
        Args args = new Args(name(), argv, Set.of("data", "from", "to", "bucket"), Set.of());
        if (args.help()) {
            ctx.out().print(help());
            return 0;
        }
        List<String> ops = args.operands();
        if (args.value("data") == null) {
            throw new UsageException("'history' needs --data DIR" + args.hint());
        }
        if (ops.isEmpty() || !(ops.get(0).equals("list") || ops.get(0).equals("export"))) {
            throw new UsageException("'history' needs 'list' or 'export POINT'" + args.hint());
        }
        boolean export = ops.get(0).equals("export");
        if (export ? ops.size() != 2 : ops.size() != 1) {
            throw new UsageException(export ? "'history export' takes exactly one POINT" + args.hint()
                : "'history list' takes no argument" + args.hint());
        }
        PointPath point = null;
        if (export) {
            try {
                point = PointPath.parse(ops.get(1));
            } catch (IllegalArgumentException e) {
                throw new UsageException("POINT " + ops.get(1) + ": " + e.getMessage());
            }
        }
        Instant now = Instant.now();
        Instant from = args.value("from") == null ? null : Durations.time("from", args.value("from", ""), now);
        Instant to = args.value("to") == null ? null : Durations.time("to", args.value("to", ""), now);
        Duration bucket = args.value("bucket") == null ? null : Durations.parse("bucket", args.value("bucket", ""));
        if (bucket != null && bucket.isZero()) {
            throw new UsageException("--bucket must be longer than zero");
        }
        Path data = Path.of(args.value("data", ""));
        if (!Files.isDirectory(data)) {
            throw new CommandException("data folder " + data.toAbsolutePath() + " does not exist");
        }

        // Read-only and without the OSGi component: works beside a stopped runtime, and says so
        // clearly when a running one holds the folder.
        try (DuckDbHistorianStore h = DuckDbHistorianStore.open(data, StoreOptions.readOnlyDefaults())) {
            if (export) {
                export(ctx.out(), h, data, point, from, to, bucket);
            } else {
                list(ctx.out(), h);
            }
            return 0;
        } catch (HistorianException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private static void list(PrintStream out, Historian h) throws HistorianException {
        List<PointSummary> points = h.points();
        int width = Math.max(5, points.stream().mapToInt(p -> p.point().toString().length()).max().orElse(5));
        out.printf(Locale.ROOT, "%-" + width + "s  %12s  %-27s  %-27s%n", "point", "samples", "first", "last");
        long total = 0;
        for (PointSummary p : points) {
            out.printf(Locale.ROOT, "%-" + width + "s  %12d  %-27s  %-27s%n", p.point(), p.count(), p.first(), p.last());
            total += p.count();
        }
        out.printf(Locale.ROOT, "%d points, %d samples%n", points.size(), total);
    }

    private static void export(PrintStream out, Historian h, Path data, PointPath point, Instant from, Instant to,
                               Duration bucket) throws HistorianException, CommandException {
        PointSummary summary = h.points().stream().filter(p -> p.point().equals(point)).findFirst()
            .orElseThrow(() -> new CommandException("no point '" + point + "' in " + data.toAbsolutePath()
                + "; 'convergence history --data " + data + " list' shows the recorded points"));
        Instant start = from != null ? from : summary.first();
        Instant end = to != null ? to : summary.last().plusNanos(1_000);
        if (bucket != null) {
            out.println("start,count,min,max,avg,first,last,bad");
            for (Bucket b : h.buckets(point, start, end, bucket)) {
                out.printf(Locale.ROOT, "%s,%d,%s,%s,%s,%s,%s,%d%n", b.start(), b.count(), num(b.min()), num(b.max()),
                    num(b.avg()), num(b.first()), num(b.last()), b.bad());
            }
            return;
        }
        out.println("time,value,quality");
        Instant cursor = start;
        int seenAtCursor = 0;
        while (true) {
            List<Sample> page = h.samples(point, cursor, end, PAGE + seenAtCursor);
            int skip = seenAtCursor;
            for (Sample s : page) {
                if (skip > 0 && s.time().equals(cursor)) {
                    skip--;
                    continue;
                }
                out.printf(Locale.ROOT, "%s,%s,%s%n", s.time(), value(s.value()), s.quality());
            }
            if (page.size() < PAGE + seenAtCursor) {
                return;
            }
            Instant last = page.get(page.size() - 1).time();
            int atLast = (int) page.stream().filter(s -> s.time().equals(last)).count();
            seenAtCursor = last.equals(cursor) ? seenAtCursor + atLast : atLast;
            cursor = last;
        }
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : Double.toString(d);
    }

    private static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return num(d);
        }
        return text(v.toString());
    }

    /**
     * A text cell: quoted, and made inert for spreadsheets. A cell that starts with {@code = + - @}, a
     * tab or a carriage return is run as a formula by common spreadsheets, and the texts come from
     * devices and servers, so such a cell gets a leading apostrophe, which spreadsheets read as "text
     * follows". Numbers are written by {@link #num} and never pass here.
     */
    static String text(String s) {
        String inert = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + inert.replace("\"", "\"\"") + "\"";
    }
}
