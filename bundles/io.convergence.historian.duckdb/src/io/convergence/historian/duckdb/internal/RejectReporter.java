package io.convergence.historian.duckdb.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.convergence.api.event.Event;
import io.convergence.api.point.PointPath;
import io.convergence.historian.duckdb.RejectedSample;

/**
 * Turns rejects into events that name the point and the reason, at most one per point a minute: a
 * source whose clock is broken sends a bad time with every value, and ten thousand events a second
 * would bury everything else. The next event of the point says how many were not reported singly.
 */
final class RejectReporter {

    static final Duration QUIET = Duration.ofMinutes(1);
    /** Points remembered; beyond this the memory is cleared (a flood of distinct points). */
    private static final int REMEMBERED = 10_000;

    private record Reported(Instant at, long suppressed) {
    }

    private final Map<PointPath, Reported> reported = new HashMap<>();
    private final String source;
    private final Consumer<Event> publish;

    RejectReporter(String source, Consumer<Event> publish) {
        this.source = source;
        this.publish = publish;
    }

    synchronized void report(List<RejectedSample> rejects) {
        for (RejectedSample r : rejects) {
            Reported last = reported.get(r.point());
            if (last != null && r.received().isBefore(last.at().plus(QUIET))) {
                reported.put(r.point(), new Reported(last.at(), last.suppressed() + 1));
                continue;
            }
            if (reported.size() >= REMEMBERED) {
                reported.clear();
            }
            long before = last == null ? 0 : last.suppressed();
            reported.put(r.point(), new Reported(r.received(), 0));
            String more = before == 0 ? "" : "; " + before + " more of this point since the last report";
            publish.accept(new Event(r.received(), r.point().toString(), "historian.rejected", Event.Severity.WARNING,
                "sample of " + r.point() + " not stored: " + r.reason() + "; kept among the historian's rejects" + more,
                Map.of("point", r.point().toString(), "reason", r.reason(), "time", r.time().toString(),
                    "historian", source, "unreported", Long.toString(before))));
        }
    }
}
