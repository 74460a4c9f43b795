/**
 * What the Connections view shows and does, without any SWT: the list of connector instances and
 * their state, a form generated from a connector type's MetaType description, saving a connection
 * as a workspace configuration file, testing a connection, and trusting a server certificate.
 * Everything here is tested without a display.
 */
@org.jspecify.annotations.NullMarked
package io.convergence.ui.connections.internal;
