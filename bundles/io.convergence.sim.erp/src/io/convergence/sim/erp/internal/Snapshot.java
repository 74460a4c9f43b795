package io.convergence.sim.erp.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.convergence.api.business.PlannedStop;
import io.convergence.api.business.Product;
import io.convergence.api.business.Shift;

/**
 * What the plant's tick thread reads of the ERP: the line's open orders, its calendar around now
 * and the products, read together on the database thread and swapped in whole.
 *
 * @param orders the line's open orders in sequence (planned, released, running)
 * @param goodCounted good units the plant counted so far, for the running orders
 */
record Snapshot(List<ErpDatabase.OrderRow> orders, Map<String, Long> goodCounted, List<PlannedStop> stops,
                List<Shift> shifts, Map<String, Product> products, Instant read) {

    static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), List.of(), List.of(), Map.of(), Instant.EPOCH);
}
