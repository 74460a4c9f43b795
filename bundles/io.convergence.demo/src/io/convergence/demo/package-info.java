/**
 * The one place for the demo: the configuration presets of the embedded default and the demo
 * (historian, simulated plant and ERP, OPC UA and SQL connectors to them, the simulated line's OEE),
 * starting the simulated plant with them, and the points the demo shows first. Used by the command
 * line's {@code demo}, {@code bench} and the commands that reach the simulated ERP, by the workbench's
 * demo start, and by tests; no other bundle names the simulator's or historian's configuration or the
 * demo's points. Published from 1.1 (1.0 was open to the runtime and the workbench only; its presets
 * returned configuration entries, 1.1's return configuration documents); 1.2 waits for the simulated
 * plant to serve ({@link io.convergence.demo.Demo#awaitPlant}), which builds its server in the background.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.jspecify.annotations.NullMarked
package io.convergence.demo;
