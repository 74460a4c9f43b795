/**
 * The sample bus: how samples travel from connectors and models to the historian, to other models
 * and to views.
 *
 * <p>Producers {@link io.convergence.api.bus.SampleBus#publish publish} whole
 * {@link io.convergence.api.point.SampleBatch batches}. Each subscriber has its own queue and its
 * own delivery thread, so a slow view never slows the historian; a subscriber chooses whether it
 * must see every batch ({@link io.convergence.api.bus.Delivery#EVERY_BATCH}, the publisher waits
 * when the queue is full) or may skip when it falls behind
 * ({@link io.convergence.api.bus.Delivery#MAY_SKIP}, skipped batches are counted).
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.jspecify.annotations.NullMarked
package io.convergence.api.bus;
