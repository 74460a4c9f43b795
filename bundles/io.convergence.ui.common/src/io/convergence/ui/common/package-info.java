/**
 * What every view of the workbench shows the same way: choosing points (one search behaviour, one
 * dialog), the labels and colours of sample quality and connection state, and services that come
 * and go under a view; since 1.1 also reading services off the UI thread, a message in place of a
 * view's content, and how business figures are written; since 1.2 the line a view of one line at a
 * time shows. For our views and partners' alike;
 * versioned like the API.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.jspecify.annotations.NullMarked
package io.convergence.ui.common;
