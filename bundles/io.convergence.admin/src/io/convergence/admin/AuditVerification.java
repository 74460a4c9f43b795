package io.convergence.admin;

import java.util.List;

/**
 * What a check of the audit log found. Each entry carries the hash of the line before it, and the
 * log's end is sealed in a separate file, so an edited, inserted or removed line breaks the chain
 * at a line that can be named. The chain finds changes made to the file; it is not a signature, so
 * someone who rewrites the whole chain and its seal is not caught (ship the log off the machine for that).
 *
 * @param entries the entries read
 * @param problems what is wrong, one sentence each, naming the line; empty when the chain is intact
 * @param notes what is worth knowing but no tampering, such as a line cut short by a crash
 */
public record AuditVerification(int entries, List<String> problems, List<String> notes) {

    public AuditVerification {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** Whether the log is as it was written. */
    public boolean intact() {
        return problems.isEmpty();
    }
}
