package io.convergence.analytics.cost.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.convergence.api.business.BusinessData;
import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.RunConfigurations;
import io.convergence.api.cli.UsageException;
import io.convergence.api.connector.Connector;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.historian.Historian;
import io.convergence.api.historian.HistorianException;
import io.convergence.api.historian.PointSummary;
import io.convergence.api.oee.OeeException;
import io.convergence.api.point.PointPath;
import io.convergence.demo.Presets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Component;

/**
 * {@code convergence orders}: the order view's table from a data folder's recorded OEE figures and an
 * ERP's orders, costs and prices, without running the product.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=orders")
public final class OrdersCommand implements CliCommand {

    /** The environment variable that may hold the password of {@code --user}. */
    static final String PASSWORD_ENV = "CONVERGENCE_PASSWORD";

    private static final Duration ERP_WAIT = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public String summary() {
        return "production orders with progress, OEE, scrap cost and completion forecast";
    }

    @Override
    public String help() {
        return """
            usage: convergence orders --data DIR [--erp JDBC-URL [--user NAME] [--password-file FILE]]
                                      [--line PATH] [--format table|csv|json]

            The order view's table: per order its product, line, state, quantity, good units, progress,
            OEE, scrap cost, forecast (or actual) end, due date and whether it is late. OEE and stops
            come from the figures the OEE model recorded in the data folder (<line>/oee/order, .../stops);
            orders, products, costs and the tariff from the ERP, read with the simulated ERP's schema
            (docs/analytics/erp-schema.md). Formulas: docs/analytics/cost.md.

              --data DIR           the historian folder of a demo or runtime, opened read-only
              --erp JDBC-URL       the ERP database, e.g. jdbc:h2:tcp://127.0.0.1:9092/mem:erp
                                   (without it, a business source the product already has)
              --user NAME          the ERP user; the password is read from --password-file, else
                                   CONVERGENCE_PASSWORD, else asked for on the terminal
              --password-file FILE the password for --user: the file's first line
              --line PATH          only this line (default: every line with OEE figures)
              --format FORMAT      table (default), csv or json

            A running order's figures are recorded when it ends: the running product's Orders view
            shows them live.
            """;
    }

    @Override
    public int run(CliContext ctx, List<String> argv) throws UsageException, CommandException {
        if (argv.stream().anyMatch(a -> a.equals("--password") || a.startsWith("--password="))) {
            throw new UsageException("--password is not accepted: a password on the command line is visible to other "
                + "users; use --password-file FILE or the environment variable " + PASSWORD_ENV);
        }
        Args args = new Args(name(), argv, Set.of("data", "erp", "user", "password-file", "line", "format"), Set.of());
        if (args.help()) {
            ctx.out().print(help());
            return OK;
        }
        args.allowOperands(0);
        @Nullable Path data = args.path("data");
        if (data == null) {
            throw new UsageException("'orders' needs --data DIR, the folder the OEE figures were recorded in" + args.hint());
        }
        OrdersFormat format = OrdersFormat.parse(args.value("format", "table"));
        if (format == null) {
            throw new UsageException("--format " + Args.shown(args.value("format", "")) + ": expected table, csv or json");
        }
        @Nullable PointPath only = null;
        if (args.value("line") != null) {
            try {
                only = PointPath.parse(args.value("line", ""));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--line " + Args.shown(args.value("line", "")) + ": " + e.getMessage());
            }
        }
        @Nullable String erpUrl = args.value("erp");
        if (erpUrl != null && !erpUrl.startsWith("jdbc:")) {
            throw new UsageException("--erp " + Args.shown(erpUrl) + ": expected a JDBC URL such as"
                + " jdbc:h2:tcp://127.0.0.1:9092/mem:erp");
        }
        if (erpUrl == null && (args.value("user") != null || args.value("password-file") != null)) {
            throw new UsageException("--user and --password-file are for --erp, which is not given");
        }
        if (!Files.isDirectory(data)) {
            throw new CommandException("data folder " + data.toAbsolutePath() + (Files.exists(data)
                ? " is a file, not a folder" : " does not exist"));
        }
        if (isEmpty(data)) {
            throw new CommandException("no OEE figures in --data " + data + ": the folder holds no recorded data");
        }
        String user = args.value("user", "");
        if (user.isEmpty() && args.value("password-file") != null) {
            throw new UsageException("--password-file is the password of --user, which is not given");
        }
        String password = erpUrl == null || user.isEmpty() ? "" : password(ctx, args.value("password-file"), user);
        if (ctx.stopRequested()) {
            return OK;
        }
        RunConfigurations session = ctx.configurations();
        try {
            Historian historian = historian(session, data);
            RecordedOee oee = RecordedOee.of(historian);
            if (oee.lines().isEmpty()) {
                throw new CommandException("no OEE figures in --data " + data + ": the OEE model publishes them as"
                    + " <line>/oee/order, <line>/oee/shift and <line>/oee/stops; configure io.convergence.analytics.oee for"
                    + " the line in the product that records there");
            }
            List<PointPath> lines = oee.lines();
            if (only != null) {
                if (!lines.contains(only)) {
                    throw new CommandException("no OEE figures for line " + only + " in --data " + data
                        + "; lines with figures: " + lines);
                }
                lines = List.of(only);
            }
            BusinessData erp = erpUrl != null ? erp(session, erpUrl, user, password) : session.find(BusinessData.class, null);
            if (erp == null) {
                throw new CommandException("no ERP data: give --erp JDBC-URL (with --user) for the orders, products,"
                    + " costs and prices; the demo prints its ERP's URL when it starts");
            }
            CostModel costs = new CostModel(oee, erp, new HistorianEnergy(historian, EnergyMeter.DEFAULT_POINT_NAME),
                Clock.systemUTC());
            OrdersView view = new OrdersView(oee, erp, costs);
            List<OrderRow> rows = new ArrayList<>();
            for (PointPath line : lines) {
                rows.addAll(view.rows(line, since(historian, line)));
            }
            format.write(ctx.out(), rows);
            for (OrderRow r : rows) {
                if (r.state() == io.convergence.api.business.ProductionOrder.State.RUNNING && r.goodCount() == null) {
                    ctx.err().println("note: order " + r.order() + " is running; its figures are recorded when it ends");
                }
            }
            return OK;
        } catch (OeeException e) {
            throw new CommandException(e.getMessage(), e);
        } catch (HistorianException e) {
            throw new CommandException("reading --data " + data + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path folder) throws CommandException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new CommandException("data folder " + folder.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Where the order list starts: the first recorded OEE sample of the line. */
    private static Instant since(Historian h, PointPath line) throws HistorianException {
        PointPath oee = line.child("oee");
        return h.points().stream().filter(p -> p.point().startsWith(oee)).map(PointSummary::first)
            .min(Instant::compareTo).orElse(Instant.now());
    }

    private static Historian historian(RunConfigurations session, Path folder) throws CommandException {
        session.apply("orders:historian", Presets.historianReadOnly(folder));
        return session.await(Historian.class, null, Duration.ofSeconds(20), "the historian on " + folder.toAbsolutePath());
    }

    /** A SQL connector of this run on the ERP, with the simulated ERP's record queries and no points. */
    private static BusinessData erp(RunConfigurations session, String url, String user, String password)
        throws CommandException {
        String id = "orders-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode doc = (ObjectNode) mapper.readTree(Presets.sqlErp(id, url, user, password));
            ((ObjectNode) doc.get(Presets.SQL_FACTORY).get(0)).remove("pointQueries");
            session.apply("orders:erp", mapper.writeValueAsString(doc));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String filter = "(" + BusinessData.SOURCE_PROPERTY + "=" + id + ")";
        String connector = "(" + Connector.ID_PROPERTY + "=" + id + ")";
        return session.await(BusinessData.class, filter, ERP_WAIT, () -> {
            Connector c = session.find(Connector.class, connector);
            ConnectorState s = c == null ? null : c.state();
            return "no ERP data from --erp " + Args.shown(url) + " within " + ERP_WAIT.toSeconds() + " s"
                + (s == null ? "" : ": " + (s.problem() != null ? s.problem().message() : s.status() + " " + s.detail()));
        }, () -> {
            // A problem (refused connection, wrong password, a query the schema rejects) will not pass by waiting.
            Connector c = session.find(Connector.class, connector);
            ConnectorState s = c == null ? null : c.state();
            return s == null || s.problem() == null ? null : "no ERP data from --erp " + Args.shown(url) + ": "
                + s.problem().message();
        });
    }

    private static String password(CliContext ctx, @Nullable String file, String user) throws UsageException, CommandException {
        if (file != null) {
            try {
                String first = Files.readString(Path.of(file), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new UsageException("--password-file " + Args.shown(file) + ": the first line is empty");
                }
                return first;
            } catch (IOException e) {
                throw new UsageException("--password-file " + Args.shown(file) + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isEmpty()) {
            return env;
        }
        char[] typed = ctx.readSecret("password for ERP user '" + user + "'");
        try {
            return new String(typed);
        } finally {
            java.util.Arrays.fill(typed, ' ');
        }
    }
}
