/** The simulated ERP's component: the H2 database and server, its planning, and the line plan. */
@org.jspecify.annotations.NullMarked
package io.convergence.sim.erp.internal;
