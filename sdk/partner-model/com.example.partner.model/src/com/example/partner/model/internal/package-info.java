/**
 * The example analytics model: statistics of the points you pick, per window of time. The logic is
 * in {@link com.example.partner.model.internal.StatisticsModel} and
 * {@link com.example.partner.model.internal.StatisticsRun}; the component only reads the
 * configuration and registers the model.
 */
@org.jspecify.annotations.NullMarked
package com.example.partner.model.internal;
