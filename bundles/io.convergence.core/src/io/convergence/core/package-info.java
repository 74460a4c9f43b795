/**
 * Runtime services that the product's own bundles (command line, workbench) use but partners do
 * not: the recorder's status. Internal; not part of the published API.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.core;
