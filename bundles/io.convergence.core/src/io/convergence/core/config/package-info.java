/**
 * Configuration documents for the product's usual setups (historian, simulated plant, OPC UA
 * connector), written as the JSON of a configuration file. The configuration contract itself is
 * published in {@code io.convergence.api.config}. Not part of the published API: exported only to
 * the command line and the demo (x-friends), which apply these setups.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.core.config;
