/**
 * Feature management: what an admin does with the product's installable units. List the installed
 * features, see what a repository offers, preview a change before it happens, install, update,
 * uninstall, look at the history of installation states and revert to one, decide whom to trust,
 * and read the audit log. Implemented on p2 by {@code io.convergence.admin}; used by the command
 * line and the workbench's Features view alike, so both enforce the same trust policy.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.jspecify.annotations.NullMarked
package io.convergence.admin;
