package io.convergence.runtime.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.UsageException;
import io.convergence.api.historian.Bucket;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.point.Micros;
import io.convergence.api.point.PointPath;
import io.convergence.api.point.SampleBatch;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code convergence history list | export POINT | import FILE}: what a historian holds, read and
 * written through the {@link Historian} service, so any backend can be listed, exported and filled.
 * How imported history reaches the models is said in {@link HistoryImport}.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=history")
public final class HistoryCommand implements CliCommand {

    private static final int PAGE = 100_000;

    private final BundleContext bundles;

    @Activate
    public HistoryCommand(BundleContext bundles) {
        this.bundles = bundles;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "list the recorded points of a data folder, export one as CSV, or import samples from CSV";
    }

    @Override
    public String help() {
        return """
            usage: convergence history --data DIR list
                   convergence history --data DIR export POINT [--from TIME] [--to TIME] [--bucket DURATION]
                   convergence history --data DIR import FILE.csv
                   convergence history --config FILE list | export POINT ... | import FILE.csv

              list     every recorded point with its sample count and first and last time
              export   one point's samples as CSV on standard output: time,value,quality;
                       with --bucket, one row per bucket: start,count,min,max,avg,first,last,bad
                       (texts that a spreadsheet would run as a formula get a leading ')
              import   samples from a CSV file with the header point,time,value[,quality]:
                       time ISO-8601 with an offset (2026-11-26T08:00:00Z), value a number or a text
                       (quoted "..." when it holds a comma), quality good, uncertain or bad (default
                       good; an empty value needs bad: a gap). A point not yet recorded gets the
                       type its values imply: numbers if all are numbers, else text. The file is
                       checked whole first: every problem is listed with its line and column (exit
                       code 2) and nothing is stored unless the whole file is valid; a valid file
                       is stored in one transaction. Imported samples go straight into the
                       historian, not over the sample bus. With --data, a note in
                       DIR/models/late-history makes the models that read the points recompute the
                       imported range (every period it touches) when a runtime next starts on DIR;
                       with --config, the model host of this process, if one runs, recomputes them.
                       Importing a file twice stores its samples twice.

              --data DIR         the historian folder of a demo or runtime, opened read-only
                                 (for import, read-write; no runtime may hold it meanwhile)
              --config FILE      instead of --data: a configuration file that sets up the historian
                                 to read (any backend, e.g. a database server)
              --from TIME        start, inclusive: 2026-11-26T08:00:00Z, 2026-11-26T09:00 (local), -1h, now
                                 (default: the point's first sample)
              --to TIME          end, exclusive (default: after the point's last sample)
              --bucket DURATION  aggregate per bucket of this length, e.g. 1s, 1m, 1h
            """;
    }

    @Override
    public int run(CliContext ctx, List<String> argv) throws UsageException, CommandException {
        Args args = new Args(name(), argv, Set.of("data", "config", "from", "to", "bucket"), Set.of());
        if (args.help()) {
            ctx.out().print(help());
            return OK;
        }
        List<String> ops = args.operands();
        @Nullable Path data = args.path("data");
        @Nullable Path config = args.path("config");
        if ((data == null) == (config == null)) {
            throw new UsageException("'history' needs --data DIR or --config FILE (one of them)" + args.hint());
        }
        if (ops.isEmpty() || !List.of("list", "export", "import").contains(ops.get(0))) {
            throw new UsageException("'history' needs 'list', 'export POINT' or 'import FILE'" + args.hint());
        }
        if (ops.get(0).equals("import")) {
            if (ops.size() != 2) {
                throw new UsageException("'history import' takes exactly one FILE" + args.hint());
            }
            for (String option : List.of("from", "to", "bucket")) {
                if (args.value(option) != null) {
                    throw new UsageException("'history import' takes no --" + option + args.hint());
                }
            }
            Path file;
            try {
                file = Path.of(ops.get(1));
            } catch (java.nio.file.InvalidPathException e) {
                throw new UsageException("FILE " + Args.shown(ops.get(1)) + ": not a file name (" + e.getReason() + ")");
            }
            return importFile(ctx, data, config, file);
        }
        boolean export = ops.get(0).equals("export");
        if (export ? ops.size() != 2 : ops.size() != 1) {
            throw new UsageException(export ? "'history export' takes exactly one POINT" + args.hint()
                : "'history list' takes no argument" + args.hint());
        }
        @Nullable PointPath point = null;
        if (export) {
            try {
                point = PointPath.parse(ops.get(1));
            } catch (IllegalArgumentException e) {
                throw new UsageException("POINT " + Args.shown(ops.get(1)) + ": " + e.getMessage());
            }
        }
        Instant now = Instant.now();
        @Nullable Instant from = args.time("from", now);
        @Nullable Instant to = args.time("to", now);
        @Nullable Duration bucket = args.duration("bucket");
        if (bucket != null && bucket.compareTo(Duration.ofMillis(1)) < 0) {
            throw new UsageException("--bucket " + Args.shown(args.value("bucket", "")) + ": at least 1ms");
        }
        if (data != null && !Files.isDirectory(data)) {
            throw new CommandException("data folder " + data.toAbsolutePath() + (Files.exists(data)
                ? " is a file, not a folder" : " does not exist"));
        }
        String where = data != null ? "--data " + data : "--config " + config;

        try (Services services = new Services(bundles)) {
            Historian h = data != null ? HistorianLease.forFolder(ctx.configurations(), services, data, false)
                : HistorianLease.forFile(ctx.configurations(), services, config);
            if (point != null) {
                export(ctx.out(), h, where, point, from, to, bucket);
            } else {
                list(ctx.out(), h);
            }
            return OK;
        } catch (HistorianException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private int importFile(CliContext ctx, @Nullable Path data, @Nullable Path config, Path file)
        throws CommandException {
        if (!Files.isRegularFile(file)) {
            throw new CommandException("CSV file " + file.toAbsolutePath() + (Files.exists(file) ? " is not a file"
                : " does not exist"));
        }
        if (data != null && Files.exists(data) && !Files.isDirectory(data)) {
            throw new CommandException("data folder " + data.toAbsolutePath() + " is a file, not a folder");
        }
        long started = System.nanoTime();
        CsvSamples csv = new CsvSamples();
        CsvSamples.Rows rows;
        try {
            rows = csv.read(file);
        } catch (IOException e) {
            throw new CommandException("CSV file " + file.toAbsolutePath() + " cannot be read (" + e.getMessage() + ")",
                e);
        }
        if (rows == null) {
            return problems(ctx, file, csv.problems(), csv.problemCount());
        }
        if (ctx.stopRequested()) {
            return OK;
        }
        try (Services services = new Services(bundles)) {
            Historian h = data != null ? HistorianLease.forFolder(ctx.configurations(), services, data, true)
                : HistorianLease.forFile(ctx.configurations(), services, config);
            List<CsvSamples.Problem> clashes = new ArrayList<>();
            boolean[] numeric = HistoryImport.types(h, rows, clashes);
            if (!clashes.isEmpty()) {
                return problems(ctx, file, clashes, clashes.size());
            }
            SampleBatch batch = HistoryImport.batch(rows, numeric);
            h.append(batch);
            long from = Long.MAX_VALUE;
            long to = Long.MIN_VALUE;
            for (int i = 0; i < batch.size(); i++) {
                from = Math.min(from, batch.timeMicros(i));
                to = Math.max(to, batch.timeMicros(i));
            }
            ctx.out().printf(Locale.ROOT, "imported %d samples of %d points from %s to %s in %.1f s%n", batch.size(),
                rows.points().size(), Micros.toInstant(from), Micros.toInstant(to),
                (System.nanoTime() - started) / 1e9);
            HistoryImport.recompute(bundles, ctx.out(), data, rows.points(), from, to + 1);
            return OK;
        } catch (HistorianException e) {
            throw new CommandException(e.getMessage() + "; nothing of " + file + " was stored", e);
        }
    }

    private static int problems(CliContext ctx, Path file, List<CsvSamples.Problem> problems, int count) {
        for (CsvSamples.Problem p : problems) {
            ctx.err().println(file + ": " + p);
        }
        if (count > problems.size()) {
            ctx.err().println(file + ": and " + (count - problems.size()) + " more problems");
        }
        ctx.err().println(count + (count == 1 ? " problem" : " problems") + " in " + file + "; nothing was imported");
        return 2;
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

    private static void export(PrintStream out, Historian h, String where, PointPath point, @Nullable Instant from,
                               @Nullable Instant to, @Nullable Duration bucket) throws HistorianException, CommandException {
        PointSummary summary = h.points().stream().filter(p -> p.point().equals(point)).findFirst()
            .orElseThrow(() -> new CommandException("no point '" + point + "' in " + where
                + "; 'convergence history " + where + " list' shows the recorded points"));
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
        h.read(List.of(point), start, end, PAGE, batch -> rows(out, batch));
    }

    private static void rows(PrintStream out, SampleBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            String t = batch.text(i);
            String value = t != null ? text(t) : num(batch.number(i));
            out.printf(Locale.ROOT, "%s,%s,%s%n", batch.time(i), value, batch.quality(i));
        }
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : Double.toString(d);
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
