package io.convergence.admin.cli;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.convergence.admin.Change;
import io.convergence.admin.FeatureException;
import io.convergence.admin.FeatureService;
import io.convergence.admin.RepositoryLocation;
import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.UsageException;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code convergence features …}: feature management of the product this command belongs to. Changes
 * are committed to the installation; a product running from it picks them up live. Results go to
 * standard output, progress to standard error.
 */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=features")
public final class FeaturesCommand implements CliCommand {

    /** How long the command waits for feature management to start: p2 opens its agent first. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    /** Where the command gets feature management from. */
    @FunctionalInterface
    public interface FeatureServices {

        /** Feature management, once it runs; an error that says why if it does not start. */
        FeatureService get() throws CommandException;
    }

    private final FeatureServices services;
    private final @Nullable ServiceTracker<FeatureService, FeatureService> tracker;

    /**
     * The tracker lives as long as this component, which DS creates for a run of the command: it
     * holds feature management in use until the run is over.
     */
    @Activate
    public FeaturesCommand(BundleContext bundles) {
        ServiceTracker<FeatureService, FeatureService> t = new ServiceTracker<>(bundles, FeatureService.class, null);
        t.open();
        this.tracker = t;
        this.services = () -> await(t);
    }

    /** A command on the given feature management (an installation of its own, in tests). */
    public FeaturesCommand(FeatureServices services) {
        this.services = services;
        this.tracker = null;
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
    }

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
              --workbench     (./convergence) the workbench's installation rather than the headless
                              runtime's; a running workbench adds and removes views live

            Exit codes: 0 done, 1 refused or failed (nothing changed), 2 not understood.
            """;
    }

    @Override
    public int run(CliContext ctx, List<String> argv) throws UsageException, CommandException {
        // This process manages the installation; running products apply the change, not this one.
        System.setProperty("convergence.features.apply", "false");
        Args args = new Args(name(), argv, Set.of("repo", "version"), Set.of("insecure", "verify"));
        if (args.help()) {
            ctx.out().print(help());
            return OK;
        }
        List<String> ops = args.operands();
        if (ops.isEmpty()) {
            throw new UsageException("'features' needs a subcommand: list, available, preview, install, update,"
                + " uninstall, history, revert, trust, repositories or audit" + args.hint());
        }
        String sub = ops.get(0);
        List<String> rest = ops.subList(1, ops.size());
        if (args.flag("verify") && !sub.equals("audit")) {
            throw new UsageException("--verify goes only with 'features audit'" + args.hint());
        }
        if (args.flag("insecure") && !sub.equals("trust")) {
            throw new UsageException("--insecure goes only with 'features trust allow-unsigned URL'" + args.hint());
        }
        if (!Set.of("list", "available", "preview", "install", "update", "uninstall", "revert", "history", "trust",
            "repositories", "audit").contains(sub)) {
            throw new UsageException("unknown subcommand '" + Args.shown(sub) + "' of 'features'" + args.hint());
        }
        FeatureService fs = services.get();
        Listings listings = new Listings(fs, ctx, args);
        try {
            return switch (sub) {
                case "list" -> listings.list(rest);
                case "available" -> listings.available(rest, repos(args));
                case "preview" -> listings.preview(preview(rest, args));
                case "install", "update", "uninstall", "revert" -> listings.apply(change(sub, rest, args));
                case "history" -> listings.history(rest);
                case "trust" -> new TrustCommand(fs, ctx, args).run(rest);
                case "repositories" -> listings.repositories(rest);
                default -> listings.audit(rest);
            };
        } catch (FeatureException e) {
            throw new CommandException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CommandException("internal error in feature management: " + e, e);
        }
    }

    static void none(List<String> rest, Args args, String what) throws UsageException {
        if (!rest.isEmpty()) {
            throw new UsageException("unexpected argument '" + Args.shown(rest.get(0)) + "' for 'features " + what + "'"
                + args.hint());
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

    private static Change preview(List<String> rest, Args args) throws UsageException, FeatureException {
        if (rest.isEmpty()) {
            throw new UsageException("'features preview' needs what to preview: install ID --repo URL, update [ID],"
                + " uninstall ID or revert N" + args.hint());
        }
        return change(rest.get(0), rest.subList(1, rest.size()), args);
    }

    private static Change change(String op, List<String> rest, Args args) throws UsageException, FeatureException {
        switch (op) {
            case "install" -> {
                if (rest.size() != 1) {
                    throw new UsageException("'features install' needs one feature id, e.g. features install"
                        + " com.example.connector.feature --repo URL" + args.hint());
                }
                if (args.value("repo") == null) {
                    throw new UsageException("'features install " + Args.shown(rest.get(0)) + "' needs --repo URL"
                        + args.hint());
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
                    throw new UsageException("'features revert' needs a state number from 'features history'"
                        + args.hint());
                }
                return new Change.Revert(Integer.parseInt(rest.get(0)));
            }
            default -> throw new UsageException("'features preview' takes install, update, uninstall or revert"
                + args.hint());
        }
    }

    /** Waits for feature management to be registered: p2 may still be starting when the command runs. */
    private static FeatureService await(ServiceTracker<FeatureService, FeatureService> tracker) throws CommandException {
        try {
            FeatureService fs = tracker.waitForService(START_TIMEOUT.toMillis());
            if (fs == null) {
                throw new CommandException("feature management did not start within " + START_TIMEOUT.toSeconds()
                    + " s (see the log for why)");
            }
            return fs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while waiting for feature management");
        }
    }
}
