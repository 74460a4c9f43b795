package io.convergence.api.business;

import java.util.Set;

/**
 * What one read of a source changed among the records of one kind. The listener reads the records
 * themselves through the {@link BusinessData} service; removed ones are gone from it.
 *
 * @param source the {@link BusinessData#source()} that changed
 * @param kind the kind of the records
 * @param added ids of records that are new
 * @param changed ids of records whose content changed
 * @param removed ids of records that are gone
 */
public record BusinessDataChange(String source, RecordKind kind, Set<String> added, Set<String> changed,
                                 Set<String> removed) {

    /** Copies the sets. */
    public BusinessDataChange {
        added = Set.copyOf(added);
        changed = Set.copyOf(changed);
        removed = Set.copyOf(removed);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
