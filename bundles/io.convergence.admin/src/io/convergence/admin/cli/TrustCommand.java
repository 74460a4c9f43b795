package io.convergence.admin.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import io.convergence.admin.FeatureException;
import io.convergence.admin.FeatureService;
import io.convergence.admin.RepositoryLocation;
import io.convergence.admin.TrustPolicy;
import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.UsageException;

import org.jspecify.annotations.Nullable;

/** {@code features trust …}: which publishers and repositories the installation accepts content from. */
final class TrustCommand {

    private final FeatureService fs;
    private final PrintStream out;
    private final PrintStream err;
    private final Args args;

    TrustCommand(FeatureService fs, CliContext ctx, Args args) {
        this.fs = fs;
        this.out = ctx.out();
        this.err = ctx.err();
        this.args = args;
    }

    int run(List<String> rest) throws UsageException, FeatureException {
        String op = rest.isEmpty() ? "list" : rest.get(0);
        List<String> more = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
        if (args.flag("insecure") && !op.equals("allow-unsigned")) {
            throw new UsageException("--insecure goes only with 'features trust allow-unsigned URL'" + args.hint());
        }
        TrustPolicy p = switch (op) {
            case "list" -> {
                FeaturesCommand.none(more, args, "trust list");
                yield fs.trustPolicy();
            }
            case "add-certificate", "add-key" -> {
                if (more.size() != 1) {
                    throw new UsageException("'features trust " + op + "' needs one file" + args.hint());
                }
                yield fs.trust(Path.of(more.get(0)));
            }
            case "allow-unsigned", "refuse-unsigned" -> unsigned(op, more);
            default -> throw new UsageException("unknown 'features trust' subcommand '" + Args.shown(op)
                + "'; expected list, add-certificate, add-key, allow-unsigned or refuse-unsigned" + args.hint());
        };
        out.println("unsigned content: " + (p.allowUnsigned() ? "allowed from anywhere"
            : p.unsignedRepositories().isEmpty() ? "refused" : "allowed only from " + String.join(", ",
                p.unsignedRepositories().stream().map(URI::toString).toList())));
        out.println("trusted certificates: " + p.certificates().size());
        for (String pem : p.certificates()) {
            for (String c : certificates(pem)) {
                out.println("  " + c);
            }
        }
        out.println("trusted PGP keys: " + p.pgpKeys().size());
        return CliCommand.OK;
    }

    private TrustPolicy unsigned(String op, List<String> more) throws UsageException, FeatureException {
        boolean allow = op.equals("allow-unsigned");
        if (more.size() > 1 || allow && more.isEmpty()) {
            throw new UsageException("'features trust " + op + "' takes " + (allow ? "one repository URL"
                : "a repository URL, or nothing to refuse unsigned content everywhere") + args.hint());
        }
        @Nullable URI u = more.isEmpty() ? null : RepositoryLocation.parse(more.get(0));
        if (u != null && allow && "http".equalsIgnoreCase(u.getScheme())) {
            if (!args.flag("insecure")) {
                throw new UsageException("'features trust allow-unsigned " + u + "': a plain http: repository is not"
                    + " protected in transit, so anyone on the network path could change what it serves and it would"
                    + " be installed unchecked; use https:, or add --insecure to allow it anyway" + args.hint());
            }
            err.println("warning: unsigned content from " + u + " is now accepted over plain http:; anyone on"
                + " the network path can change what it serves");
        }
        return fs.changeTrust(before -> {
            List<URI> repos = new ArrayList<>(before.unsignedRepositories());
            if (u == null) {
                return new TrustPolicy(before.certificates(), before.pgpKeys(), false, List.of());
            }
            repos.removeIf(x -> RepositoryLocation.key(x).equals(RepositoryLocation.key(u)));
            if (allow) {
                repos.add(u);
            }
            return new TrustPolicy(before.certificates(), before.pgpKeys(), before.allowUnsigned(), repos);
        });
    }

    private static List<String> certificates(String pem) {
        try {
            List<String> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                if (c instanceof X509Certificate x) {
                    out.add(x.getSubjectX500Principal().getName() + " (until " + x.getNotAfter().toInstant() + ")");
                }
            }
            return out;
        } catch (CertificateException e) {
            return List.of("(unreadable certificate)");
        }
    }
}
