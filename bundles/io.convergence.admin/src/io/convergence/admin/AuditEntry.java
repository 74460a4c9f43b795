package io.convergence.admin;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param time when
 * @param user who (the operating system user)
 * @param action what was asked, such as {@code install x} or {@code trust add-certificate}
 * @param source where content came from (repository URLs), or the file trusted; empty if none
 * @param result {@code intent} (written before a change starts), then {@code ok}, {@code refused} or {@code failed}
 * @param detail what was changed, or why not
 */
public record AuditEntry(Instant time, String user, String action, String source, String result, String detail) {
}
