package io.convergence.runtime.internal;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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
import io.convergence.admin.TrustPolicy;

/**
 * {@code convergence features …}: feature management of the product this command belongs to. Changes
 * are committed to the installation; a product running from it picks them up live. Results go to
 * standard output, progress to standard error.
 */
final class FeaturesCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    @Override
    public String name() {
        return "features";
    }

    @Override
    public String summary() {
        return "list, preview, install, update, uninstall and revert features; trust and audit";
    }

    @Override
    public String help() {
        return """
            usage: convergence features list
                   convergence features available [--repo URL]
                   convergence features preview install ID --repo URL [--version V]
                   convergence features preview update [ID] [--repo URL]
                   convergence features preview uninstall ID | preview revert N
                   convergence features install ID --repo URL [--version V]
                   convergence features update [ID] [--repo URL]
                   convergence features uninstall ID
                   convergence features history
                   convergence features revert N
                   convergence features trust [list]
                   convergence features trust add-certificate FILE | add-key FILE
                   convergence features trust allow-unsigned URL [--insecure] | refuse-unsigned [URL]
                   convergence features repositories [add URL | remove URL]
                   convergence features audit [--verify]

            Manages the features of this product installation with p2. Every change is planned
            first: 'preview' shows what would be added, updated and removed, conflicts in plain
            words, and whether a restart is needed, and changes nothing. A change is carried out
            whole or not at all; a product running from this installation picks it up live
            (connectors, models and views start and stop without a restart), or says that it needs
            a restart. Content must be signed by a publisher the trust policy trusts; unsigned content,
            and touchpoint instructions that change the installation by themselves, are refused unless
            the policy allows them for the repository they come from (a rule for a composite repository
            does not cover its children). Only the certificates and keys added with 'trust add-...' are
            trusted ('trust add-certificate $JAVA_HOME/lib/security/cacerts' adds the JDK's authorities).
            Every change writes its intent to the audit log (admin/audit.log in the installation) before
            it starts and its result after; the entries form a hash chain that 'audit --verify' checks.

              --repo URL      a p2 repository: a folder, a zip file, or a file:, http: or https: URL
              --version V     a feature version (default: the newest the repository has)
              --insecure      allow unsigned content from a plain http: repository (anyone on the
                              network path can change what it serves)
              --verify        check the audit log's hash chain; exit 1 if a line was changed

            Exit codes: 0 done, 1 refused or failed (nothing changed), 2 not understood.
            """;
    }

    @Override
    public int run(Context ctx, List<String> argv) throws UsageException, CommandException {
        // This process manages the installation; running products apply the change, not this one.
        System.setProperty("convergence.features.apply", "false");
        Args args = new Args(name(), argv, Set.of("repo", "version"), Set.of("insecure", "verify"));
        if (args.help()) {
            ctx.out().print(help());
            return 0;
        }
        List<String> ops = args.operands();
        if (ops.isEmpty()) {
            throw new UsageException("'features' needs a subcommand: list, available, preview, install, update,"
                + " uninstall, history, revert, trust, repositories or audit" + args.hint());
        }
        PrintStream out = ctx.out();
        try (Services services = new Services(ctx.bundles())) {
            FeatureService fs = services.await(FeatureService.class, "", Duration.ofSeconds(20), "feature management");
            String sub = ops.get(0);
            List<String> rest = ops.subList(1, ops.size());
            if (args.flag("verify") && !sub.equals("audit")) {
                throw new UsageException("--verify goes only with 'features audit'" + args.hint());
            }
            if (args.flag("insecure") && !sub.equals("trust")) {
                throw new UsageException("--insecure goes only with 'features trust allow-unsigned URL'" + args.hint());
            }
            try {
                return switch (sub) {
                    case "list" -> list(fs, out, rest, args);
                    case "available" -> available(fs, out, rest, args);
                    case "preview" -> preview(fs, out, rest, args);
                    case "install", "update", "uninstall", "revert" -> apply(fs, out, change(sub, rest, args), args);
                    case "history" -> history(fs, out, rest, args);
                    case "trust" -> trust(fs, out, rest, args);
                    case "repositories" -> repositories(fs, out, rest, args);
                    case "audit" -> audit(fs, out, rest, args);
                    default -> throw new UsageException("unknown subcommand '" + sub + "' of 'features'" + args.hint());
                };
            } catch (FeatureException e) {
                throw new CommandException(e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new CommandException("internal error in feature management: " + e, e);
            }
        }
    }

    private static void none(List<String> rest, Args args, String what) throws UsageException {
        if (!rest.isEmpty()) {
            throw new UsageException("unexpected argument '" + rest.get(0) + "' for 'features " + what + "'" + args.hint());
        }
    }

    private static List<URI> repos(Args args) throws FeatureException {
        String r = args.value("repo");
        List<URI> out = new ArrayList<>();
        if (r != null) {
            for (String part : r.split(",")) {
                out.add(RepositoryLocation.parse(part));
            }
        }
        return out;
    }

    private static Change change(String op, List<String> rest, Args args) throws UsageException, FeatureException {
        switch (op) {
            case "install" -> {
                if (rest.size() != 1) {
                    throw new UsageException("'features install' needs one feature id, e.g. features install"
                        + " com.example.connector.feature --repo URL" + args.hint());
                }
                if (args.value("repo") == null) {
                    throw new UsageException("'features install " + rest.get(0) + "' needs --repo URL" + args.hint());
                }
                return new Change.Install(rest.get(0), args.value("version", ""), repos(args));
            }
            case "update" -> {
                return new Change.Update(rest, repos(args));
            }
            case "uninstall" -> {
                if (rest.size() != 1) {
                    throw new UsageException("'features uninstall' needs one feature id" + args.hint());
                }
                return new Change.Uninstall(rest.get(0));
            }
            case "revert" -> {
                if (rest.size() != 1 || !rest.get(0).matches("\\d{1,6}")) {
                    throw new UsageException("'features revert' needs a state number from 'features history'" + args.hint());
                }
                return new Change.Revert(Integer.parseInt(rest.get(0)));
            }
            default -> throw new UsageException("'features preview' takes install, update, uninstall or revert"
                + args.hint());
        }
    }

    private static int list(FeatureService fs, PrintStream out, List<String> rest, Args args) throws UsageException, FeatureException {
        none(rest, args, "list");
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
        return 0;
    }

    private static int available(FeatureService fs, PrintStream out, List<String> rest, Args args) throws UsageException, FeatureException {
        none(rest, args, "available");
        List<AvailableFeature> all = fs.available(repos(args), progress());
        out.printf(Locale.ROOT, "%-44s %-26s %-26s %s%n", "FEATURE", "VERSION", "INSTALLED", "NAME");
        for (AvailableFeature f : all) {
            out.printf(Locale.ROOT, "%-44s %-26s %-26s %s%s%n", f.id(), f.version(),
                f.installedVersion().isEmpty() ? "-" : f.installedVersion(), f.name(), f.update() ? "  (update)" : "");
        }
        return 0;
    }

    private static int preview(FeatureService fs, PrintStream out, List<String> rest, Args args) throws UsageException, FeatureException {
        if (rest.isEmpty()) {
            throw new UsageException("'features preview' needs what to preview: install ID --repo URL, update [ID],"
                + " uninstall ID or revert N" + args.hint());
        }
        ChangePlan plan = fs.preview(change(rest.get(0), rest.subList(1, rest.size()), args), progress());
        print(out, "preview", plan);
        return plan.ok() ? 0 : 1;
    }

    private static int apply(FeatureService fs, PrintStream out, Change change, Args args) throws UsageException, FeatureException {
        ChangePlan plan = fs.apply(change, progress());
        if (plan.empty()) {
            out.println(change.describe() + ": nothing to change");
            return 0;
        }
        print(out, "done", plan);
        return 0;
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

    private static int history(FeatureService fs, PrintStream out, List<String> rest, Args args) throws UsageException, FeatureException {
        none(rest, args, "history");
        for (ProfileState s : fs.history()) {
            out.printf(Locale.ROOT, "%3d  %s%s%n", s.number(), TIME.format(s.time()), s.current() ? "  (current)" : "");
            for (String r : s.rootFeatures()) {
                out.println("       " + r);
            }
        }
        return 0;
    }

    private static int trust(FeatureService fs, PrintStream out, List<String> rest, Args args) throws UsageException, FeatureException {
        String op = rest.isEmpty() ? "list" : rest.get(0);
        List<String> more = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
        if (args.flag("insecure") && !op.equals("allow-unsigned")) {
            throw new UsageException("--insecure goes only with 'features trust allow-unsigned URL'" + args.hint());
        }
        TrustPolicy p;
        switch (op) {
            case "list" -> {
                none(more, args, "trust list");
                p = fs.trustPolicy();
            }
            case "add-certificate", "add-key" -> {
                if (more.size() != 1) {
                    throw new UsageException("'features trust " + op + "' needs one file" + args.hint());
                }
                p = fs.trust(Path.of(more.get(0)));
            }
            case "allow-unsigned", "refuse-unsigned" -> {
                if (more.size() > 1 || op.equals("allow-unsigned") && more.isEmpty()) {
                    throw new UsageException("'features trust " + op + "' takes " + (op.equals("allow-unsigned")
                        ? "one repository URL" : "a repository URL, or nothing to refuse unsigned content everywhere")
                        + args.hint());
                }
                @Nullable URI u = more.isEmpty() ? null : RepositoryLocation.parse(more.get(0));
                if (u != null && op.equals("allow-unsigned") && "http".equalsIgnoreCase(u.getScheme())) {
                    if (!args.flag("insecure")) {
                        throw new UsageException("'features trust allow-unsigned " + u + "': a plain http: repository is not"
                            + " protected in transit, so anyone on the network path could change what it serves and it would"
                            + " be installed unchecked; use https:, or add --insecure to allow it anyway" + args.hint());
                    }
                    System.err.println("warning: unsigned content from " + u + " is now accepted over plain http:; anyone on"
                        + " the network path can change what it serves");
                }
                p = fs.changeTrust(before -> {
                    List<URI> repos = new ArrayList<>(before.unsignedRepositories());
                    if (u == null) {
                        return new TrustPolicy(before.certificates(), before.pgpKeys(), false, List.of());
                    }
                    repos.removeIf(x -> RepositoryLocation.key(x).equals(RepositoryLocation.key(u)));
                    if (op.equals("allow-unsigned")) {
                        repos.add(u);
                    }
                    return new TrustPolicy(before.certificates(), before.pgpKeys(), before.allowUnsigned(), repos);
                });
            }
            default -> throw new UsageException("unknown 'features trust' subcommand '" + op + "'; expected list,"
                + " add-certificate, add-key, allow-unsigned or refuse-unsigned" + args.hint());
        }
        out.println("unsigned content: " + (p.allowUnsigned() ? "allowed from anywhere"
            : p.unsignedRepositories().isEmpty() ? "refused" : "allowed only from " + String.join(", ",
                p.unsignedRepositories().stream().map(URI::toString).toList())));
        out.println("trusted certificates: " + p.certificates().size());
        for (String pem : p.certificates()) {
            for (var c : certificates(pem)) {
                out.println("  " + c);
            }
        }
        out.println("trusted PGP keys: " + p.pgpKeys().size());
        return 0;
    }

    private static List<String> certificates(String pem) {
        try {
            List<String> out = new ArrayList<>();
            for (var c : java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificates(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
                if (c instanceof java.security.cert.X509Certificate x) {
                    out.add(x.getSubjectX500Principal().getName() + " (until " + x.getNotAfter().toInstant() + ")");
                }
            }
            return out;
        } catch (java.security.cert.CertificateException e) {
            return List.of("(unreadable certificate)");
        }
    }

    private static int repositories(FeatureService fs, PrintStream out, List<String> rest, Args args) throws UsageException, FeatureException {
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
        return 0;
    }

    private static int audit(FeatureService fs, PrintStream out, List<String> rest, Args args) throws UsageException, FeatureException {
        none(rest, args, "audit");
        if (args.flag("verify")) {
            AuditVerification check = fs.verifyAudit();
            check.notes().forEach(n -> out.println("note: " + n));
            check.problems().forEach(n -> out.println("changed: " + n));
            out.println("audit log: " + check.entries() + " entries; " + (check.intact() ? "the hash chain is intact"
                : check.problems().size() + (check.problems().size() == 1 ? " problem" : " problems")
                    + ": the log was changed after it was written"));
            return check.intact() ? 0 : 1;
        }
        for (AuditEntry e : fs.audit()) {
            out.printf(Locale.ROOT, "%s  %-8s %-8s %s%s%s%n", TIME.format(e.time()), e.user(), e.result(), e.action(),
                e.source().isEmpty() ? "" : "  from " + e.source(), e.detail().isEmpty() ? "" : "  " + e.detail());
        }
        try {
            if (!fs.verifyAudit().intact()) {
                System.err.println("warning: the audit log was changed after it was written; 'features audit --verify' says where");
            }
        } catch (FeatureException e) {
            // a service that cannot check its log: the entries are all there is to show
        }
        return 0;
    }

    /** Progress on standard error: one line per step and per download. */
    private static Progress progress() {
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
                    System.err.println("  " + s);
                }
            }
        };
    }
}
