/**
 * The Features view's logic, without SWT: {@link io.convergence.ui.features.internal.FeaturesModel}
 * reads the installed features from the {@code io.convergence.admin} FeatureService and builds the
 * changes the view asks for; {@link io.convergence.ui.features.internal.PlanSummary} says what a
 * plan would do in plain words; {@link io.convergence.ui.features.internal.MonitorProgress} reports
 * the service's progress to a job's monitor. The SWT in {@code .ui} only renders them.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.features.internal;
