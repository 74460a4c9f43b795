package io.convergence.ui.connections.internal.ui;

import java.util.EnumMap;
import java.util.Map;

import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.ui.common.ConnectionStyle;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * The colour and the round marker of each connection state, as every view shows them
 * ({@link ConnectionStyle}). Owns images: dispose it with the view.
 */
final class StateStyle {

    static final RGB GREEN = ConnectionStyle.GREEN;
    static final RGB ORANGE = ConnectionStyle.ORANGE;
    static final RGB RED = ConnectionStyle.RED;
    static final RGB BLUE = ConnectionStyle.BLUE;
    static final RGB GREY = ConnectionStyle.GREY;

    private final LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources());
    private final Map<Status, Color> colors = new EnumMap<>(Status.class);
    private final Map<Status, Image> dots = new EnumMap<>(Status.class);

    StateStyle(Display display) {
        for (Status s : Status.values()) {
            colors.put(s, new Color(display, rgb(s)));
            dots.put(s, resources.create(ConnectionStyle.dot(s)));
        }
    }

    static RGB rgb(Status s) {
        return ConnectionStyle.rgb(s);
    }

    /** How a state is written in the list. */
    static String label(Status s) {
        return ConnectionStyle.label(s);
    }

    Color color(Status s) {
        return colors.get(s);
    }

    Image dot(Status s) {
        return dots.get(s);
    }

    void dispose() {
        resources.dispose();
        colors.values().forEach(Color::dispose);
    }
}
