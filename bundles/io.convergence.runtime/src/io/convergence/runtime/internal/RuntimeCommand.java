package io.convergence.runtime.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.CliCommand;
import io.convergence.api.cli.CliContext;
import io.convergence.api.cli.CommandException;
import io.convergence.api.cli.UsageException;
import io.convergence.demo.Presets;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code convergence runtime --connect opc.tcp://…}: record every variable of an OPC UA server. */
@Component(service = CliCommand.class, property = CliCommand.NAME_PROPERTY + "=runtime")
public final class RuntimeCommand implements CliCommand {

    private final BundleContext bundles;

    @Activate
    public RuntimeCommand(BundleContext bundles) {
        this.bundles = bundles;
    }

    @Override
    public String name() {
        return "runtime";
    }

    @Override
    public String summary() {
        return "connect to an OPC UA server, subscribe to every variable and record it";
    }

    @Override
    public String help() {
        return """
            usage: convergence runtime --connect opc.tcp://HOST[:PORT][/PATH] [options]

            Connects to an OPC UA server, browses its whole address space, subscribes to every
            variable and records the values into the embedded historian. Prints one status line a
            second and a summary at the end (Ctrl-C ends a run without --for).

              --connect URL        the server's endpoint URL (required)
              --for DURATION       stop after this long, e.g. 30s, 10m (default: until Ctrl-C)
              --data DIR           historian folder (default: ~/.convergence/runtime)
              --security POLICY    None (default) or Basic256Sha256
              --mode MODE          Sign or SignAndEncrypt (default SignAndEncrypt with Basic256Sha256)
              --user NAME          user name (default: anonymous); the password is read from
                                   --password-file, else CONVERGENCE_PASSWORD, else asked for
              --password-file FILE the password for --user: the file's first line
              --allow-password-without-encryption
                                   send --user's password with --security None (the password is
                                   not protected; refused without this)
              --pki DIR            certificates: own/, trusted/, rejected/ (default: ~/.convergence/pki)
              --prefix PATH        plant path put in front of every point, e.g. acme/lyon/press-shop
              --timeout DURATION   how long to wait for the first connection (default 20s)
              --config FILE        also apply this configuration file (JSON)

            A password is never given on the command line: other users of the machine see it in
            the process list and it stays in the shell's history.
            """;
    }

    @Override
    public int run(CliContext ctx, List<String> argv) throws UsageException, CommandException {
        if (argv.stream().anyMatch(a -> a.equals("--password") || a.startsWith("--password="))) {
            throw new UsageException("--password is not accepted: a password on the command line is visible to other "
                + "users and kept in the shell's history; use --password-file FILE, the environment variable "
                + Credentials.ENV + ", or type it when asked");
        }
        Args args = new Args(name(), argv,
            Set.of("connect", "for", "data", "security", "mode", "user", "password-file", "pki", "prefix", "timeout",
                "config"),
            Set.of("allow-password-without-encryption"));
        if (args.help()) {
            ctx.out().print(help());
            return OK;
        }
        args.allowOperands(0);
        String endpoint = args.value("connect");
        if (endpoint == null) {
            throw new UsageException("'runtime' needs --connect opc.tcp://HOST[:PORT][/PATH]" + args.hint());
        }
        checkEndpoint(endpoint);
        @Nullable Duration length = args.duration("for");
        Duration timeout = args.duration("timeout", Duration.ofSeconds(20));
        Path data = args.path("data", ctx.home().resolve("runtime"));
        Path pki = args.path("pki", ctx.home().resolve("pki"));
        @Nullable Path config = args.path("config");
        Map<String, Object> extra = security(args);
        if (args.value("user") != null) {
            extra.put("username", args.value("user", ""));
            extra.put("password", Credentials.password(args.value("password-file"), System.getenv(Credentials.ENV),
                System.console(), args.value("user", "")));
            if (args.flag("allow-password-without-encryption")) {
                extra.put("allowPasswordWithoutEncryption", Boolean.TRUE);
            } else if ("None".equals(extra.get("securityPolicy"))) {
                throw new UsageException("--user with --security None would send the password without protection; use "
                    + "--security Basic256Sha256, or add --allow-password-without-encryption on a network you trust");
            }
        }
        if (args.value("prefix") != null) {
            extra.put("pathPrefix", args.value("prefix", ""));
        }
        DemoCommand.checkDataFolder(data);

        try (Services services = new Services(bundles); Session session = new Session(services, ctx.out())) {
            if (config != null) {
                ConfigFiles.check(services, config);
            }
            if (ctx.stopRequested()) {
                ctx.out().println("runtime: stopped before it started");
                return OK;
            }
            ctx.onStop(session::stop);
            ctx.out().println("runtime: connecting to " + endpoint + ", historian in " + data.toAbsolutePath());
            if ("None".equals(extra.get("securityPolicy"))) {
                ctx.out().println("warning: security None: the connection to " + endpoint + " is neither signed nor "
                    + "encrypted and the server is not authenticated"
                    + (args.value("user") == null ? "" : "; the password of user '" + args.value("user", "")
                        + "' is sent without protection") + ". Use --security Basic256Sha256 where the server offers it");
            }
            session.configure("runtime:historian", Presets.historian(data));
            session.awaitRecording(Duration.ofSeconds(60));
            if (config != null) {
                session.configureFile(config);
            }
            session.configure("runtime:connector", Presets.opcua("server", endpoint, pki, extra));
            session.awaitConnected("server", endpoint, timeout);
            long lost = session.run(length, "server");
            return lost == 0 ? OK : CommandException.EXIT_CODE;
        }
    }

    private static Map<String, Object> security(Args args) throws UsageException {
        Map<String, Object> extra = new LinkedHashMap<>();
        String policy = args.value("security", "None");
        if (!policy.equals("None") && !policy.equals("Basic256Sha256")) {
            throw new UsageException("--security " + Args.shown(policy) + ": expected None or Basic256Sha256");
        }
        String mode = args.value("mode", policy.equals("None") ? "None" : "SignAndEncrypt");
        if (!Set.of("None", "Sign", "SignAndEncrypt").contains(mode) || policy.equals("None") != mode.equals("None")) {
            throw new UsageException("--mode " + Args.shown(mode) + ": expected Sign or SignAndEncrypt with --security Basic256Sha256"
                + " (and no --mode with None)");
        }
        extra.put("securityPolicy", policy);
        extra.put("securityMode", mode);
        if (args.value("password-file") != null && args.value("user") == null) {
            throw new UsageException("--password-file needs --user");
        }
        return extra;
    }

    /** Checks the endpoint URL's form before anything starts. */
    static void checkEndpoint(String endpoint) throws UsageException {
        String shown = Args.shown(endpoint);
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new UsageException("--connect " + shown + ": not a URL (" + e.getReason()
                + "); expected opc.tcp://HOST[:PORT][/PATH]");
        }
        if (!"opc.tcp".equalsIgnoreCase(uri.getScheme())) {
            throw new UsageException("--connect " + shown + ": expected a URL starting with opc.tcp://");
        }
        // The port is checked on the text: java.net.URI gives up on a port too large for an int and
        // then reports no host at all, and it accepts ports above 65535.
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && colon > authority.lastIndexOf(']')) {
            String port = authority.substring(colon + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new UsageException("--connect " + shown + ": the port " + Args.shown(port)
                    + " is not a number from 1 to 65535");
            }
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new UsageException("--connect " + shown + ": no host; expected opc.tcp://HOST[:PORT][/PATH]");
        }
    }
}
