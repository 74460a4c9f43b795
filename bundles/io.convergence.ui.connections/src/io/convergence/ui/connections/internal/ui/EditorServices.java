package io.convergence.ui.connections.internal.ui;

import io.convergence.ui.connections.internal.ConnectionFiles;
import io.convergence.ui.connections.internal.ConnectionTester;

/**
 * What the editor needs from the runtime: saving and deleting files, and testing connections.
 *
 * @param files saves and deletes connections
 * @param tester tests connections
 */
record EditorServices(ConnectionFiles files, ConnectionTester tester) {
}
