package io.convergence.admin.cli;

import java.io.PrintStream;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.AuditVerification;
import io.convergence.admin.AvailableFeature;
import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.admin.FeatureException;
import io.convergence.admin.FeatureService;
import io.convergence.admin.InstalledFeature;
import io.convergence.admin.ProfileState;
import io.convergence.admin.Progress;
import io.convergence.admin.RepositoryLocation;
import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.UsageException;

/** The subcommands of {@code features} that show and change the installation, as a user reads them. */
final class Listings {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private final FeatureService fs;
    private final PrintStream out;
    private final PrintStream err;
    private final Args args;

    Listings(FeatureService fs, CliContext ctx, Args args) {
        this.fs = fs;
        this.out = ctx.out();
        this.err = ctx.err();
        this.args = args;
    }

    int list(List<String> rest) throws UsageException, FeatureException {
        FeaturesCommand.none(rest, args, "list");
        List<InstalledFeature> all = fs.installed();
        out.printf(Locale.ROOT, "%-44s %-26s %-9s %-22s %s%n", "FEATURE", "VERSION", "TRUST", "PROVIDER", "NAME");
        for (InstalledFeature f : all) {
            out.printf(Locale.ROOT, "%-44s %-26s %-9s %-22s %s%s%n", f.id(), f.version(),
                f.trust().name().toLowerCase(Locale.ROOT), f.provider(), f.name(),
                f.root() ? "" : "  (part of another feature)");
            if (!f.signer().isEmpty()) {
                out.println("    signed by " + f.signer());
            }
        }
        return CliCommand.OK;
    }

    int available(List<String> rest, List<URI> repos) throws UsageException, FeatureException {
        FeaturesCommand.none(rest, args, "available");
        List<AvailableFeature> all = fs.available(repos, progress());
        out.printf(Locale.ROOT, "%-44s %-26s %-26s %s%n", "FEATURE", "VERSION", "INSTALLED", "NAME");
        for (AvailableFeature f : all) {
            out.printf(Locale.ROOT, "%-44s %-26s %-26s %s%s%n", f.id(), f.version(),
                f.installedVersion().isEmpty() ? "-" : f.installedVersion(), f.name(), f.update() ? "  (update)" : "");
        }
        return CliCommand.OK;
    }

    int preview(Change change) throws FeatureException {
        ChangePlan plan = fs.preview(change, progress());
        print(out, "preview", plan);
        return plan.ok() ? CliCommand.OK : CommandException.EXIT_CODE;
    }

    int apply(Change change) throws FeatureException {
        ChangePlan plan = fs.apply(change, progress());
        if (plan.empty()) {
            out.println(change.describe() + ": nothing to change");
            return CliCommand.OK;
        }
        print(out, "done", plan);
        return CliCommand.OK;
    }

    static void print(PrintStream out, String what, ChangePlan plan) {
        out.println(what + ": " + plan.change().describe());
        for (ChangePlan.UnitChange u : plan.added()) {
            out.printf(Locale.ROOT, "  add      %-48s %s%s%n", u.id(), u.to(), u.feature() ? "  (feature)" : "");
        }
        for (ChangePlan.UnitChange u : plan.updated()) {
            out.printf(Locale.ROOT, "  update   %-48s %s -> %s%s%n", u.id(), u.from(), u.to(), u.feature() ? "  (feature)" : "");
        }
        for (ChangePlan.UnitChange u : plan.removed()) {
            out.printf(Locale.ROOT, "  remove   %-48s %s%s%n", u.id(), u.from(), u.feature() ? "  (feature)" : "");
        }
        for (String p : plan.problems()) {
            out.println("  problem: " + p);
        }
        if (!plan.ok()) {
            out.println("  result: cannot be carried out; nothing is changed");
            return;
        }
        if (plan.empty()) {
            out.println("  nothing to change");
            return;
        }
        if (plan.downloadBytes() > 0) {
            out.printf(Locale.ROOT, "  download: %,d kB%n", Math.max(1, plan.downloadBytes() / 1024));
        }
        out.println(plan.restartNeeded() ? "  restart: needed, " + plan.restartReason()
            : "  restart: not needed; a running product picks the change up live");
    }

    int history(List<String> rest) throws UsageException, FeatureException {
        FeaturesCommand.none(rest, args, "history");
        for (ProfileState s : fs.history()) {
            out.printf(Locale.ROOT, "%3d  %s%s%n", s.number(), TIME.format(s.time()), s.current() ? "  (current)" : "");
            for (String r : s.rootFeatures()) {
                out.println("       " + r);
            }
        }
        return CliCommand.OK;
    }

    int repositories(List<String> rest) throws UsageException, FeatureException {
        List<URI> repos = new ArrayList<>(fs.repositories());
        if (!rest.isEmpty()) {
            if (rest.size() != 2 || !Set.of("add", "remove").contains(rest.get(0))) {
                throw new UsageException("'features repositories' takes add URL or remove URL" + args.hint());
            }
            URI u = RepositoryLocation.parse(rest.get(1));
            repos.removeIf(x -> RepositoryLocation.key(x).equals(RepositoryLocation.key(u)));
            if (rest.get(0).equals("add")) {
                repos.add(u);
            }
            fs.setRepositories(repos);
        }
        if (repos.isEmpty()) {
            out.println("no repositories configured");
        }
        repos.forEach(u -> out.println(u));
        return CliCommand.OK;
    }

    int audit(List<String> rest) throws UsageException, FeatureException {
        FeaturesCommand.none(rest, args, "audit");
        if (args.flag("verify")) {
            AuditVerification check = fs.verifyAudit();
            check.notes().forEach(n -> out.println("note: " + n));
            check.problems().forEach(n -> out.println("changed: " + n));
            out.println("audit log: " + check.entries() + " entries; " + (check.intact() ? "the hash chain is intact"
                : check.problems().size() + (check.problems().size() == 1 ? " problem" : " problems")
                    + ": the log was changed after it was written"));
            return check.intact() ? CliCommand.OK : CommandException.EXIT_CODE;
        }
        for (AuditEntry e : fs.audit()) {
            out.printf(Locale.ROOT, "%s  %-8s %-8s %s%s%s%n", TIME.format(e.time()), e.user(), e.result(), e.action(),
                e.source().isEmpty() ? "" : "  from " + e.source(), e.detail().isEmpty() ? "" : "  " + e.detail());
        }
        try {
            if (!fs.verifyAudit().intact()) {
                err.println("warning: the audit log was changed after it was written; 'features audit --verify' says where");
            }
        } catch (FeatureException e) {
            // a service that cannot check its log: the entries are all there is to show
        }
        return CliCommand.OK;
    }

    /** Progress on standard error: one line per step and per download. */
    private Progress progress() {
        return new Progress() {
            private String last = "";

            @Override
            public void step(String name, long work) {
                line(name);
            }

            @Override
            public void worked(long work) {
            }

            @Override
            public void detail(String text) {
                if (text.startsWith("download")) {
                    line(text);
                }
            }

            private void line(String s) {
                if (!s.equals(last)) {
                    last = s;
                    err.println("  " + s);
                }
            }
        };
    }
}
