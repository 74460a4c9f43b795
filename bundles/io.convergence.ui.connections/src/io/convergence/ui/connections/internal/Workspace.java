package io.convergence.ui.connections.internal;

import java.nio.file.Path;

/** Where the workbench keeps its files: the same folder the workbench applies configurations from at start. */
public final class Workspace {

    /** System property naming the workspace folder; set by the launcher. */
    public static final String PROPERTY = "convergence.workspace";

    private Workspace() {
    }

    /** The workspace folder. */
    public static Path dir() {
        return Path.of(System.getProperty(PROPERTY, System.getProperty("user.home") + "/.convergence/workspace"));
    }

    /** The folder of configuration files the workbench applies at start: {@code <workspace>/config}. */
    public static Path configDir() {
        return dir().resolve("config");
    }
}
