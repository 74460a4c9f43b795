/**
 * {@code convergence features}: the command line of feature management, a command service of the
 * product's command line (ADR 13) over {@link io.convergence.admin.FeatureService}.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.admin.cli;
