/**
 * What the simulated ERP holds, without a database: master data, the shift calendar, the energy
 * tariff and the order book, each deterministic from the seed (and, for calendar days and
 * tariffs, the date; for orders, their number), and the forward scheduler that plans orders around
 * the calendar. Plain Java, tested without a server. Not API; exported only to the test bundle.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.sim.erp.internal.model;
