package io.convergence.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.core.ProvisionException;

/** p2's statuses in an admin's words. */
final class Explain {

    private Explain() {
    }

    /** Why a repository could not be loaded. */
    static String repositoryProblem(ProvisionException e) {
        IStatus s = e.getStatus();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = deepest(s);
        return switch (s.getCode()) {
            case ProvisionException.REPOSITORY_NOT_FOUND -> "no p2 repository there (unreachable, or no content.jar,"
                + " content.xml or compositeContent found)" + (detail.isEmpty() || detail.startsWith("No repository found")
                    ? "" : ": " + detail);
            case ProvisionException.REPOSITORY_INVALID_LOCATION -> "not a valid repository location";
            case ProvisionException.REPOSITORY_FAILED_READ -> detail.isEmpty() ? String.valueOf(root.getMessage()) : detail;
            default -> detail.isEmpty() ? String.valueOf(e.getMessage()) : detail;
        };
    }

    /** The lines of a planner's or engine's failure, without repeats, most specific last. */
    static List<String> lines(IStatus status) {
        Set<String> out = new LinkedHashSet<>();
        collect(status, out);
        return new ArrayList<>(out);
    }

    private static void collect(IStatus s, Set<String> out) {
        if (s.isOK()) {
            return;
        }
        String m = s.getMessage();
        if (m != null && !m.isBlank() && !(s.isMultiStatus() && s.getChildren().length > 0 && m.startsWith("Operation details"))) {
            out.add(m.strip());
        }
        if (s.getException() != null && s.getChildren().length == 0 && s.getException().getMessage() != null
            && !s.getException().getMessage().equals(m)) {
            out.add(s.getException().getMessage().strip());
        }
        for (IStatus c : s.getChildren()) {
            collect(c, out);
        }
    }

    private static String deepest(IStatus s) {
        String best = s.getMessage() == null ? "" : s.getMessage();
        for (IStatus c : s.getChildren()) {
            String d = deepest(c);
            if (!d.isEmpty()) {
                best = d;
            }
        }
        if (s.getException() != null && s.getException().getMessage() != null && s.getChildren().length == 0
            && !(s.getException() instanceof java.io.FileNotFoundException)) {
            best = best.isEmpty() ? s.getException().getMessage() : best;
        }
        return best;
    }
}
