package io.convergence.runtime.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.convergence.api.cli.CommandException;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code convergence bench startup}: from launching {@code convergence demo --headless} to its first
 * stored sample, over several runs, against the same JVM starting and printing "hello" in the same
 * runs. Each run is a new process started as a user starts it (the launcher script), timed from
 * the launch to the line the demo prints when the first samples are stored; then it is stopped as
 * Ctrl-C stops it. The first run makes the start-up caches (and the data folder's certificates) and
 * is shown apart.
 */
final class StartupBench {

    private static final String FIRST = "first samples stored";
    private static final Pattern MILESTONES = Pattern.compile("startup \\(ms since the process started\\): (.*)");
    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);

    private final Path launcher;
    private final Path java;
    private final PrintStream out;

    /** One timed start: seconds from launch to the awaited line, and the demo's own milestones. */
    record Run(double seconds, String milestones) {
    }

    StartupBench(Path launcher, Path java, PrintStream out) {
        this.launcher = launcher;
        this.java = java;
        this.out = out;
    }

    int run(int runs, boolean caches, Path work) throws CommandException, IOException {
        Path hello = helloClasses(work.resolve("hello"));
        Path data = work.resolve("data");
        out.printf(Locale.ROOT, "bench: launch of 'convergence demo --headless' to its first stored sample, %d runs"
            + " (and a first one), against '%s -cp ... StartupHello' printing hello%s%n", runs, java,
            caches ? "" : "; start-up caches off");
        Run first = demo(data, caches);
        out.printf(Locale.ROOT, "first start (makes the caches and certificates): %.2f s  [%s]%n", first.seconds(),
            first.milestones());
        List<Double> demos = new ArrayList<>();
        List<Double> hellos = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run h = hello(hello);
            Run d = demo(data, caches);
            hellos.add(h.seconds());
            demos.add(d.seconds());
            out.printf(Locale.ROOT, "run %d: hello %.2f s, demo %.2f s  [%s]%n", i, h.seconds(), d.seconds(),
                d.milestones());
        }
        double demo = median(demos);
        double base = median(hellos);
        out.printf(Locale.ROOT, "startup: demo %.2f s (median; min %.2f), hello %.2f s (median; min %.2f),"
            + " difference %.2f s, ratio %.1f%n", demo, min(demos), base, min(hellos), demo - base, demo / base);
        return 0;
    }

    private Run hello(Path classes) throws CommandException, IOException {
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", classes.toString(), StartupHello.class.getName());
        return timed(pb, "hello");
    }

    private Run demo(Path data, boolean caches) throws CommandException, IOException {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "demo", "--headless", "--for", "30s", "--data",
            data.toString(), "--port", Integer.toString(freePort()));
        Map<String, String> env = pb.environment();
        env.put("CONVERGENCE_SKIP_BUILD", "1");
        env.put("CONVERGENCE_JAVA_OPTS", "-Xmx2g -D" + StartupClock.TRACE + "=true");
        if (!caches) {
            env.put("CONVERGENCE_CACHE", "off");
        }
        return timed(pb, FIRST);
    }

    /** Starts a process, times it until a line containing {@code awaited}, then stops it (as Ctrl-C does). */
    private Run timed(ProcessBuilder pb, String awaited) throws CommandException, IOException {
        pb.redirectErrorStream(false);
        long start = System.nanoTime();
        Process p = pb.start();
        StringBuilder err = new StringBuilder();
        // Threads of their own: the common pool may have a single thread on a small machine, and
        // draining standard error would then hold back reading the awaited line until the end.
        CompletableFuture<Void> errors = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("bench-stderr").start(() -> {
            drain(p.getErrorStream(), err);
            errors.complete(null);
        });
        CompletableFuture<Run> seen = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("bench-stdout").start(() -> {
            double at = -1;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    if (at < 0 && line.contains(awaited)) {
                        at = (System.nanoTime() - start) / 1e9;
                        if (awaited.equals("hello")) {
                            seen.complete(new Run(at, ""));
                        }
                    }
                    Matcher m = MILESTONES.matcher(line);
                    if (at >= 0 && m.find()) {
                        seen.complete(new Run(at, m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process went away; handled below
            }
            seen.complete(new Run(at, ""));
        });
        try {
            Run r = seen.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
            stop(p);
            errors.get(30, TimeUnit.SECONDS);
            if (r.seconds() < 0) {
                throw new CommandException("'" + String.join(" ", pb.command()) + "' ended without printing '" + awaited
                    + "': " + lastLines(err.toString()));
            }
            return r;
        } catch (TimeoutException e) {
            stop(p);
            throw new CommandException("'" + String.join(" ", pb.command()) + "' did not print '" + awaited
                + "' within " + RUN_LIMIT.toMinutes() + " minutes");
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted");
        } catch (ExecutionException e) {
            stop(p);
            throw new CommandException("reading the output of '" + pb.command().get(0) + "' failed: " + e.getCause());
        }
    }

    /**
     * SIGTERM to the JVM under the launcher script, as Ctrl-C stops it; the script waits for it, then
     * finishes as it does for a user (after a command's first run it assembles the class cache). A
     * process without children (the baseline) gets the signal itself.
     */
    private static void stop(Process p) {
        List<ProcessHandle> children = p.children().toList();
        if (children.isEmpty()) {
            p.destroy();
        } else {
            children.forEach(ProcessHandle::destroy);
        }
        boolean ended;
        try {
            ended = p.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static void drain(InputStream in, StringBuilder into) {
        try {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            synchronized (into) {
                into.append(all);
            }
        } catch (IOException e) {
            // nothing more to read
        }
    }

    private static String lastLines(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    /** The baseline's class, copied out of this bundle into a class folder of its own. */
    private static Path helloClasses(Path dir) throws IOException, CommandException {
        String entry = StartupHello.class.getName().replace('.', '/') + ".class";
        Bundle b = FrameworkUtil.getBundle(StartupHello.class);
        URL url = b == null ? null : b.getEntry(entry);
        if (url == null) {
            throw new CommandException("the baseline class " + entry + " is missing from the runtime bundle");
        }
        Path target = dir.resolve(entry);
        Files.createDirectories(target.getParent());
        try (InputStream in = url.openStream()) {
            Files.copy(in, target);
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double min(List<Double> xs) {
        return xs.stream().min(Comparator.naturalOrder()).orElse(Double.NaN);
    }

    /** Deletes a folder the benchmark made. */
    static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the system cleans it eventually
        }
    }
}
