/**
 * Runtime services that the product's own bundles (command line, workbench) use but partners do
 * not: the recorder's status. Not part of the published API: exported only to the command line
 * (x-friends), which prints the recorder's status while it records.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.core;
