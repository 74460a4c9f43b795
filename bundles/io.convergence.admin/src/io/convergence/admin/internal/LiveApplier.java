package io.convergence.admin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.internal.provisional.configurator.Configurator;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.convergence.admin.FeatureException;

/**
 * Brings a running product in line with its installation when feature management changes it, from
 * this process or another: a bundle added to the installation is installed and started here, a
 * removed one stopped and uninstalled, and nothing else is touched. It watches the launcher's
 * bundle list and applies it through the simple configurator, the same code that builds the
 * framework at start, unless the change replaces bundles others depend on: then it says a restart
 * is needed and leaves the running product as it is. A process that only manages features (the
 * {@code features} command) sets {@code convergence.features.apply=false} and applies nothing.
 */
@Component(immediate = true)
public final class LiveApplier {

    private static final Logger LOG = LoggerFactory.getLogger(LiveApplier.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BundleContext bc;
    private final Configurator configurator;
    private final @Nullable Installation installation;
    private final @Nullable ScheduledExecutorService timer;
    private String seen = "";
    private String pendingRestart = "";

    @Activate
    public LiveApplier(BundleContext bc, @Reference Configurator configurator) {
        this.bc = bc;
        this.configurator = configurator;
        Installation inst;
        try {
            inst = Installation.of(bc);
        } catch (FeatureException e) {
            inst = null; // not an installed product (a test run): nothing to follow
        }
        installation = inst;
        if (inst == null) {
            timer = null;
            return;
        }
        seen = stamp(inst.bundlesInfo());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "convergence-live-features");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static String stamp(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis() + ":" + Files.size(f);
        } catch (IOException e) {
            return "";
        }
    }

    private void check() {
        Installation inst = installation;
        if (inst == null || !Boolean.parseBoolean(System.getProperty("convergence.features.apply", "true"))) {
            return;
        }
        String now = stamp(inst.bundlesInfo());
        if (now.equals(seen) || now.isEmpty()) {
            return;
        }
        try (Installation.Lock lock = inst.lock(false)) {
            if (!now.equals(stamp(inst.bundlesInfo()))) {
                return; // still being written; next round
            }
            apply(inst);
            seen = now;
        } catch (FeatureException e) {
            // a change is being committed: look again next round
        } catch (RuntimeException e) {
            seen = now;
            LOG.error("cannot apply the installation's change", e);
            say("features: cannot apply the change live (" + e.getMessage() + "); restart the product");
        }
    }

    private void apply(Installation inst) {
        Map<String, String> wanted = read(inst.bundlesInfo());
        Map<String, Bundle> running = new HashMap<>();
        for (Bundle b : bc.getBundles()) {
            if (b.getSymbolicName() != null) {
                running.put(b.getSymbolicName(), b);
            }
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Bundle b = running.get(e.getKey());
            if (b == null) {
                added.add(e.getKey() + " " + e.getValue());
            } else if (!b.getVersion().toString().equals(e.getValue())) {
                replaced.add(e.getKey());
                added.add(e.getKey() + " " + e.getValue());
            }
        }
        for (Bundle b : running.values()) {
            // Only what the simple configurator manages (its locations, absolute or relative to the
            // installation, all start so); bundles installed by other means are left alone.
            if (b.getBundleId() != 0 && !wanted.containsKey(b.getSymbolicName())
                && b.getLocation().startsWith("reference:file:")) {
                replaced.add(b.getSymbolicName());
                removed.add(b.getSymbolicName() + " " + b.getVersion());
            }
        }
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        String restart = RestartCheck.reason(bc, replaced);
        if (!restart.isEmpty()) {
            if (!restart.equals(pendingRestart)) {
                pendingRestart = restart;
                say("features: the installation changed; restart the product to finish: " + restart);
            }
            return;
        }
        try {
            configurator.applyConfiguration();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        pendingRestart = "";
        List<String> parts = new ArrayList<>();
        added.forEach(a -> parts.add("+" + a));
        removed.forEach(r -> parts.add("-" + r));
        say("features: applied live: " + String.join(", ", parts));
    }

    /** Symbolic name to version, from a simple configurator bundle list. */
    static Map<String, String> read(Path bundlesInfo) {
        Map<String, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(bundlesInfo, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length >= 2) {
                    out.put(f[0].strip(), f[1].strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + bundlesInfo + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void say(String line) {
        System.out.println(LocalTime.now().format(CLOCK) + "  " + line);
        System.out.flush();
    }
}
