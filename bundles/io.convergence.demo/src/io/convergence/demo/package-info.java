/**
 * The one place for the demo: the configuration presets of the usual setups (historian,
 * simulated plant, OPC UA connector), starting the simulated plant with them, and the points the
 * demo shows first. Used by the command line's {@code demo} and by the workbench's demo start; no
 * other bundle names the simulator's configuration or the demo's points.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.demo;
