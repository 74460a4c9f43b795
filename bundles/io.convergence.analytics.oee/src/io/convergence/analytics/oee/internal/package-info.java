/**
 * The OEE model on the model host: its configuration, the run that feeds the engine, the
 * {@link io.convergence.api.oee.OeeService}, the operator's corrections, and the {@code oee} command.
 * Not API.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.analytics.oee.internal;
