/**
 * The analytics model host: runs every {@link io.convergence.api.model.AnalyticsModel} service live
 * from the sample bus, catches it up from history after a restart, checkpoints it, and recomputes
 * ranges whose input data arrived late. See docs/adr/0008 and 0017. Not API.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.models.internal;
