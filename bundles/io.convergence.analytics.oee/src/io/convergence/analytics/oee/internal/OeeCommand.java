package io.convergence.analytics.oee.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.convergence.analytics.oee.core.Calendar;
import io.convergence.analytics.oee.core.OeeJson;
import io.convergence.analytics.oee.core.OeeRun;
import io.convergence.analytics.oee.core.OeeSettings;
import io.convergence.api.business.BusinessData;
import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.RunConfigurations;
import io.convergence.api.cli.UsageException;
import io.convergence.api.config.ConfigEntry;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.model.ModelContext.Mode;
import io.convergence.api.model.ModelRun;
import io.convergence.api.oee.OeeFigures;
import io.convergence.api.oee.Period;
import io.convergence.api.point.Micros;
import io.convergence.demo.Presets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code convergence oee}: the OEE of the lines a configuration file describes, computed from the
 * history in a data folder by the model's own run, without storing anything.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=oee")
public final class OeeCommand implements CliCommand {

    /** History read before {@code --from}, so that the line's state at the start is known. */
    static final Duration WARM_UP = Duration.ofDays(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurationService config;

    @Activate
    public OeeCommand(@Reference ConfigurationService config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "oee";
    }

    @Override
    public String summary() {
        return "compute OEE per shift, order or hour from recorded history";
    }

    @Override
    public String help() {
        return """
            usage: convergence oee --data DIR --config FILE --from TIME --to TIME [--by shift|order|hour]
                                   [--format table|csv|json] [--erp JDBC-URL [--erp-user USER]]

            Computes availability, performance, quality and OEE of every line the configuration file
            describes (io.convergence.analytics.oee configurations, docs/analytics/oee.md), from the
            history recorded in DIR, for the periods that start in [--from, --to); the period running
            at --to is shown as not complete; a period without planned production time shows "-"
            for its ratios. Nothing is stored.

              --data DIR        the historian folder of a demo or runtime, opened read-only
              --config FILE     a configuration file holding the OEE configurations (one per line)
              --from TIME       start: 2026-11-26T06:00:00Z, 2026-11-26T06:00 (local), -8h
              --to TIME         end, exclusive (default: now)
              --by PERIOD       shift (default), order or hour
              --format FORMAT   table (default), csv, or json (an array, one object per line and period)
              --erp URL         a JDBC URL of an ERP with the simulated ERP's schema: its shifts, planned
                                stops, reason codes and the orders' products are used (password from
                                CONVERGENCE_ERP_PASSWORD, else asked)
              --erp-user USER   the ERP account (default erp)
            """;
    }

    @Override
    public int run(CliContext ctx, List<String> argv) throws UsageException, CommandException {
        Args args = new Args(name(), argv, Set.of("data", "config", "from", "to", "by", "format", "erp", "erp-user"),
            Set.of());
        if (args.help()) {
            ctx.out().print(help());
            return OK;
        }
        args.allowOperands(0);
        Path data = args.path("data");
        Path file = args.path("config");
        if (data == null || file == null) {
            throw new UsageException("'oee' needs --data DIR and --config FILE" + args.hint());
        }
        Instant now = Instant.now();
        Instant from = args.time("from", now);
        if (from == null) {
            throw new UsageException("'oee' needs --from TIME" + args.hint());
        }
        Instant to = args.time("to", now);
        Instant end = to == null ? now : to;
        if (!end.isAfter(from)) {
            throw new UsageException("--to " + end + " is not after --from " + from + args.hint());
        }
        Period by = switch (args.value("by", "shift").toLowerCase(Locale.ROOT)) {
            case "shift" -> Period.SHIFT;
            case "order" -> Period.ORDER;
            case "hour" -> Period.HOUR;
            default -> throw new UsageException("--by " + Args.shown(args.value("by", "")) + ": shift, order or hour" + args.hint());
        };
        String format = args.value("format", "table");
        if (!Set.of("table", "csv", "json").contains(format)) {
            throw new UsageException("--format " + Args.shown(format) + ": table, csv or json" + args.hint());
        }
        if (!Files.isDirectory(data)) {
            throw new CommandException("data folder " + data.toAbsolutePath() + (Files.exists(data)
                ? " is a file, not a folder" : " does not exist"));
        }
        List<OeeSettings> lines = lines(file);
        String erpUrl = args.value("erp");
        char[] password = null;
        if (erpUrl != null) {
            String env = System.getenv("CONVERGENCE_ERP_PASSWORD");
            password = env != null ? env.toCharArray() : ctx.readSecret("password of the ERP account");
        }
        if (ctx.stopRequested()) {
            return OK;
        }
        List<OeeFigures> rows = new ArrayList<>();
        RunConfigurations run = ctx.configurations();
        try {
            run.apply("oee:historian", Presets.historianReadOnly(data));
            Historian h = run.await(Historian.class, null, Duration.ofSeconds(20), "the historian on "
                + data.toAbsolutePath());
            BusinessData erp = null;
            if (erpUrl != null) {
                run.apply("oee:erp", Presets.sqlErp("oee-cli-erp", erpUrl, args.value("erp-user", Presets.ERP_USER),
                    new String(password)));
                erp = run.await(BusinessData.class, "(" + BusinessData.SOURCE_PROPERTY + "=oee-cli-erp)",
                    Duration.ofSeconds(30), "the ERP data of --erp " + Args.shown(erpUrl));
            }
            for (OeeSettings s : lines) {
                if (s.erpSource() != null && erp == null) {
                    ctx.err().println("oee: " + s.id() + ": its ERP source '" + s.erpSource() + "' is not read without --erp;"
                        + " shifts and ideal cycle time come from the configuration");
                }
                rows.addAll(compute(s, OeeComponent.calendar(s, erp), h, by, from, end));
            }
        } catch (HistorianException e) {
            throw new CommandException("history in " + data + " cannot be read: " + e.getMessage(), e);
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, ' ');
            }
        }
        print(ctx.out(), format, rows);
        return OK;
    }

    /** The figures of the periods of one line starting in {@code [from, to)}, by the model's own run. */
    static List<OeeFigures> compute(OeeSettings s, Calendar calendar, Historian h, Period by, Instant from, Instant to)
        throws HistorianException {
        OeeModel model = new OeeModel(s, () -> calendar);
        Instant start = from.minus(WARM_UP);
        Collected out = new Collected(Mode.REPLAY, start, to);
        ModelRun run = model.open(out);
        h.read(List.copyOf(s.inputs().paths()), start, to, 50_000, run::onSamples);
        run.advance(Micros.of(to));
        List<OeeFigures> rows = new ArrayList<>();
        for (String json : out.json(OeeRun.Outputs.of(s.oeePath()), by)) {
            OeeFigures f = OeeJson.figures(json);
            if (!f.from().isBefore(from) && f.from().isBefore(to)) {
                rows.add(f);
            }
        }
        ((OeeRun) run).engine().current(by).filter(f -> !f.from().isBefore(from) && f.from().isBefore(to))
            .ifPresent(rows::add);
        return rows;
    }

    private List<OeeSettings> lines(Path file) throws CommandException {
        String text;
        try {
            if (Files.size(file) > 16 << 20) {
                throw new CommandException("--config " + Args.shown(file.toString()) + ": larger than 16 MB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("--config " + Args.shown(file.toString()) + ": cannot read it (" + e.getMessage()
                + ")");
        }
        List<ConfigEntry> entries;
        try {
            entries = config.check(file.toString(), text);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
        List<OeeSettings> out = new ArrayList<>();
        for (ConfigEntry e : entries) {
            if (e.pid().equals(OeeComponent.FACTORY_PID)) {
                try {
                    out.add(OeeConfigs.settings(e.properties()));
                } catch (IllegalArgumentException x) {
                    throw new CommandException(file + ": " + OeeComponent.FACTORY_PID + " '" + e.name() + "': "
                        + x.getMessage());
                }
            }
        }
        if (out.isEmpty()) {
            throw new CommandException("--config " + Args.shown(file.toString()) + " holds no " + OeeComponent.FACTORY_PID
                + " configuration");
        }
        return out;
    }

    static void print(PrintStream out, String format, List<OeeFigures> rows) {
        switch (format) {
            case "json" -> {
                ArrayNode a = JSON.createArrayNode();
                rows.forEach(f -> a.add(OeeJson.node(f)));
                out.println(a.toPrettyString());
            }
            case "csv" -> {
                out.println("line,period,from,to,complete,shift,order,product,plannedSeconds,runSeconds,totalCount,"
                    + "goodCount,availability,performance,quality,oee");
                for (OeeFigures f : rows) {
                    out.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%d,%d,%s,%s,%s,%s%n", f.line(),
                        f.period().name().toLowerCase(Locale.ROOT), f.from(), f.to(), f.complete(), n(f.shift()),
                        n(f.order()), n(f.product()), f.plannedSeconds(), f.runSeconds(), f.totalCount(), f.goodCount(),
                        f.availability(), f.performance(), f.quality(), f.oee());
                }
            }
            default -> {
                out.printf(Locale.ROOT, "%-28s %-21s %-12s %9s %9s %9s %9s %7s %7s %7s %7s%n", "line", "from", "period",
                    "planned h", "run h", "total", "good", "avail", "perf", "qual", "oee");
                for (OeeFigures f : rows) {
                    String what = f.period() == Period.ORDER ? n(f.order()) : n(f.shift());
                    // Without planned production time there is nothing to measure against: the engine's
                    // 0 (or 1) would read as a line failing (or perfect).
                    boolean measured = f.plannedSeconds() > 0;
                    String note = measured ? (f.complete() ? "" : "  (running)")
                        : f.complete() ? "  (no planned time)" : "  (running; no planned time so far)";
                    out.printf(Locale.ROOT, "%-28s %-21s %-12s %9.2f %9.2f %9d %9d %7s %7s %7s %7s%s%n", f.line(),
                        f.from().toString(), what, f.plannedSeconds() / 3600, f.runSeconds() / 3600, f.totalCount(),
                        f.goodCount(), ratio(measured, f.availability()), ratio(measured, f.performance()),
                        ratio(measured, f.quality()), ratio(measured, f.oee()), note);
                }
            }
        }
    }

    private static String ratio(boolean measured, double value) {
        return measured ? String.format(Locale.ROOT, "%.3f", value) : "-";
    }

    private static String n(@Nullable String s) {
        return s == null ? "" : s;
    }
}
