/**
 * The simulated ERP: an H2 database served over TCP on loopback, with products, the line as a work
 * centre, the shift calendar, production orders, reason codes and the energy tariff of the
 * simulated plant, which runs the orders it schedules. The product's own fixture, exported with a
 * version for the demo, the tests and tools that start an ERP; not part of the partners' API. See docs/analytics/erp-schema.md.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.sim.erp;
