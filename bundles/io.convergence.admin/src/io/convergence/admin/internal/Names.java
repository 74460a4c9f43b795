package io.convergence.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;

/**
 * Ids, versions and classifiers that become file names: p2 stores an artifact as
 * {@code plugins/ID_VERSION.jar} or {@code features/ID_VERSION/}, and the check before a commit
 * copies it to a scratch folder under the same name. A repository decides these names, so they are
 * checked before any of them becomes a path: letters, digits and {@code . _ - +}, starting with a
 * letter, digit or underscore, no longer than a file name may be.
 */
final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+\\-]{0,199}");

    private Names() {
    }

    static boolean valid(String s) {
        return NAME.matcher(s).matches() && !s.contains("..");
    }

    /** Why names of the units or their artifacts cannot be file names; empty when all can. */
    static List<String> problems(Iterable<IInstallableUnit> units) {
        Set<String> out = new LinkedHashSet<>();
        for (IInstallableUnit iu : units) {
            if (!valid(iu.getId())) {
                out.add("unit id '" + shown(iu.getId()) + "' is not a valid name");
            }
            for (IArtifactKey k : iu.getArtifacts()) {
                String v = k.getVersion() == null ? "" : k.getVersion().toString();
                if (!valid(k.getId())) {
                    out.add("artifact id '" + shown(k.getId()) + "' of unit " + shown(iu.getId()) + " is not a valid file name");
                } else if (!valid(v)) {
                    out.add("artifact version '" + shown(v) + "' of " + k.getId() + " is not a valid file name");
                } else if (!valid(k.getClassifier())) {
                    out.add("artifact classifier '" + shown(k.getClassifier()) + "' of " + k.getId() + " is not a valid name");
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** A name as it can be shown on one line: control characters escaped, long ones cut. */
    static String shown(String s) {
        return shown(s, 120);
    }

    /**
     * Text from a repository as it can be shown on one line of at most {@code max} characters:
     * line breaks and other control characters, and the direction marks that make a terminal show
     * text in another order than it is, escaped.
     */
    static String shown(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            boolean hidden = c < 0x20 || c == 0x7f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                || c == 0x200e || c == 0x200f || c == 0x061c;
            b.append(hidden ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            if (b.length() > max) {
                return b.substring(0, max) + "…";
            }
        }
        return b.toString();
    }
}
