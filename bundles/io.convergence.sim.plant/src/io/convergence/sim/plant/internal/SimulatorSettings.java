package io.convergence.sim.plant.internal;

import java.nio.file.Path;

import org.eclipse.milo.opcua.sdk.server.util.HostnameUtil;

/**
 * The simulator's configuration, checked and with defaults filled in.
 *
 * @param path the endpoint path without leading slash, possibly empty
 */
record SimulatorSettings(int port, String bindAddress, String path, long seed, int machines,
    int extraPoints, int tickMs, Path pkiDir, UserDirectory users, int maxMonitoredItemsPerCall) {

    /** The host clients see in the endpoint URL: the bind address unless it is a wildcard. */
    String hostname() {
        return isWildcard(bindAddress) ? HostnameUtil.getHostname() : bindAddress;
    }

    /** The endpoint path with its leading slash, as Milo wants it. */
    String endpointPath() {
        return "/" + path;
    }

    String endpointUrl() {
        String host = hostname();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "opc.tcp://" + host + ":" + port + endpointPath();
    }

    static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }
}
