package io.convergence.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.ITouchpointData;
import org.eclipse.equinox.p2.metadata.ITouchpointInstruction;

/**
 * What a unit's touchpoint instructions do, in p2's syntax ({@code action(name:value,...);...}).
 * Most actions change the installation by themselves: make or remove folders, copy, chmod, link,
 * set program or JVM arguments, add repositories. Only a few act on nothing but the unit's own
 * artifact, which the signature check covers: install or uninstall it as a bundle or feature, and
 * set its start level or started state. Everything else is content the trust policy must admit.
 */
final class Instructions {

    /** Instruction keys that are data, not actions. */
    private static final Set<String> DATA = Set.of("manifest", "zipped");
    private static final String ECLIPSE = "org.eclipse.equinox.p2.touchpoint.eclipse.";
    private static final String OSGI_TOUCHPOINT = "org.eclipse.equinox.p2.osgi";

    /** One action: its name as written and its parameters. */
    record Action(String name, Map<String, String> params) {
        @Override
        public String toString() {
            List<String> p = new ArrayList<>();
            params.forEach((k, v) -> p.add(k + ":" + v));
            return name + "(" + String.join(",", p) + ")";
        }
    }

    private Instructions() {
    }

    /** The actions of an instruction body; text that is no action is returned as an action of that name. */
    static List<Action> parse(String body) {
        List<Action> out = new ArrayList<>();
        for (String part : body.split(";")) {
            String a = part.strip();
            if (a.isEmpty()) {
                continue;
            }
            int open = a.indexOf('(');
            int close = a.lastIndexOf(')');
            if (open < 0 || close < open) {
                out.add(new Action(a, Map.of()));
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String kv : a.substring(open + 1, close).split(",")) {
                if (kv.isBlank()) {
                    continue;
                }
                int colon = kv.indexOf(':');
                params.put((colon < 0 ? kv : kv.substring(0, colon)).strip(), colon < 0 ? "" : kv.substring(colon + 1).strip());
            }
            out.add(new Action(a.substring(0, open).strip(), params));
        }
        return out;
    }

    /**
     * The actions of {@code carrier}'s instructions that do more than act on {@code host}'s own
     * artifact (the carrier is the host itself, or a fragment attached to it), as
     * {@code phase: action} each; empty when there are none.
     */
    static List<String> unbound(IInstallableUnit carrier, IInstallableUnit host) {
        List<String> out = new ArrayList<>();
        boolean osgi = host.getTouchpointType() != null && OSGI_TOUCHPOINT.equals(host.getTouchpointType().getId());
        for (ITouchpointData data : carrier.getTouchpointData()) {
            for (Map.Entry<String, ITouchpointInstruction> e : data.getInstructions().entrySet()) {
                if (DATA.contains(e.getKey())) {
                    continue;
                }
                ITouchpointInstruction ins = e.getValue();
                String imports = ins.getImportAttribute();
                for (Action a : parse(ins.getBody() == null ? "" : ins.getBody())) {
                    if (!(osgi && (imports == null || imports.isBlank()) && boundToArtifact(a))) {
                        out.add(Names.shown(e.getKey() + ": " + a, 160));
                    }
                }
            }
        }
        return out;
    }

    /** Whether the instructions hold any action at all (data keys aside). */
    static boolean any(IInstallableUnit carrier) {
        for (ITouchpointData data : carrier.getTouchpointData()) {
            for (Map.Entry<String, ITouchpointInstruction> e : data.getInstructions().entrySet()) {
                if (!DATA.contains(e.getKey()) && e.getValue().getBody() != null && !parse(e.getValue().getBody()).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Why the unit could be installed but not removed again: its instructions (its own and its
     * fragments') install its bundle or feature but lack the action that uninstalls it, so an
     * uninstall or revert would leave it in the launcher's list. Empty when they match.
     */
    static List<String> oneWay(IInstallableUnit resolved) {
        Map<String, List<String>> byPhase = new LinkedHashMap<>();
        List<IInstallableUnit> carriers = new ArrayList<>();
        carriers.add(resolved);
        carriers.addAll(resolved.getFragments());
        for (IInstallableUnit c : carriers) {
            for (ITouchpointData data : c.getTouchpointData()) {
                data.getInstructions().forEach((phase, ins) -> {
                    for (Action a : parse(ins.getBody() == null ? "" : ins.getBody())) {
                        String name = a.name().startsWith(ECLIPSE) ? a.name().substring(ECLIPSE.length()) : a.name();
                        byPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(name);
                    }
                });
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] pair : new String[][] {{"installBundle", "uninstallBundle"}, {"installFeature", "uninstallFeature"}}) {
            if (byPhase.getOrDefault("install", List.of()).contains(pair[0])
                && !byPhase.getOrDefault("uninstall", List.of()).contains(pair[1])) {
                out.add("unit " + Names.shown(resolved.getId()) + " " + resolved.getVersion() + " has " + pair[0]
                    + " but no " + pair[1] + ": an uninstall or revert could not remove it");
            }
        }
        return out;
    }

    private static boolean boundToArtifact(Action a) {
        String name = a.name().startsWith(ECLIPSE) ? a.name().substring(ECLIPSE.length()) : a.name();
        Map<String, String> p = a.params();
        return switch (name) {
            case "installBundle", "uninstallBundle" -> p.keySet().equals(Set.of("bundle")) && "${artifact}".equals(p.get("bundle"));
            case "installFeature", "uninstallFeature" -> "${artifact}".equals(p.get("feature"))
                && Set.of("feature", "featureId", "featureVersion").containsAll(p.keySet());
            case "setStartLevel" -> p.keySet().equals(Set.of("startLevel")) && p.get("startLevel").matches("-1|[0-9]{1,3}");
            case "markStarted" -> p.keySet().equals(Set.of("started")) && p.get("started").matches("true|false");
            default -> false;
        };
    }
}
