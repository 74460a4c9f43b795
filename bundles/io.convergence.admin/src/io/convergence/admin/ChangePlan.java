package io.convergence.admin;

import java.util.List;

/**
 * What a change does or would do.
 *
 * @param change what was asked
 * @param added units that come in
 * @param updated units that change version
 * @param removed units that go
 * @param problems why the change cannot be carried out, in plain words; empty when it can
 * @param restartNeeded whether the product must restart for the change to take effect
 * @param restartReason why, when it must; empty otherwise
 * @param downloadBytes how much would be downloaded; -1 when unknown
 */
public record ChangePlan(Change change, List<UnitChange> added, List<UnitChange> updated, List<UnitChange> removed,
                         List<String> problems, boolean restartNeeded, String restartReason, long downloadBytes) {

    public ChangePlan {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }

    /** Whether the change can be carried out. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Whether the change would change nothing. */
    public boolean empty() {
        return added.isEmpty() && updated.isEmpty() && removed.isEmpty();
    }

    /**
     * One unit in a plan.
     *
     * @param id the unit's id (a feature id or a bundle's symbolic name)
     * @param name its human name; the id if it has none
     * @param from the version before; empty when it is added
     * @param to the version after; empty when it is removed
     * @param feature whether it is a feature (otherwise a bundle or other unit)
     */
    public record UnitChange(String id, String name, String from, String to, boolean feature) {
    }
}
