package io.convergence.core;

import org.jspecify.annotations.Nullable;

/**
 * What the recorder has done since it started (across reconfigurations of it and of the historian).
 * Every sample taken from the bus ends up stored, rejected, dropped or still pending.
 *
 * @param received samples taken from the bus
 * @param stored samples the historian acknowledged as durable (including those it kept among its own
 *     rejects)
 * @param pending samples received and not yet stored, rejected or dropped
 * @param failedAppends appends that failed (and were retried, or narrowed down)
 * @param lastError the last append failure, or {@code null}
 * @param rejected samples the historian refused alone for a reason of the data; set aside and reported
 * @param dropped samples not kept because the queue was full while the historian could not store (a
 *     full disk), or left when the recorder stopped; a gap marker is written where they were
 * @param queuedBytes memory the samples waiting for the historian hold, roughly
 * @param historian {@code ok}, {@code disk-full} while the historian's disk is full, {@code failing}
 *     while its storage fails otherwise
 */
public record RecorderStatus(long received, long stored, long pending, long failedAppends, @Nullable String lastError,
                             long rejected, long dropped, long queuedBytes, String historian) {

    /** Whether the historian stores now. */
    public boolean historianOk() {
        return "ok".equals(historian);
    }
}
