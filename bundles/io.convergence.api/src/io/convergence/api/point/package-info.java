/**
 * Points and samples: the unified namespace every connector maps into.
 *
 * <p>A {@link io.convergence.api.point.PointPath} addresses a point in the plant hierarchy
 * (enterprise/site/area/line/cell/point, ISA-95 style); a {@link io.convergence.api.point.Sample}
 * is one value of a point at a time with a quality; a
 * {@link io.convergence.api.point.SampleBatch} carries many samples in columns so that moving a
 * million values costs a handful of objects, not a million.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.point;
