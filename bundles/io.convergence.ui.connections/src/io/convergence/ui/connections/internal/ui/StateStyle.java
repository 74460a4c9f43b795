package io.convergence.ui.connections.internal.ui;

import java.util.EnumMap;
import java.util.Map;

import io.convergence.api.connector.ConnectorState.Status;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/** The colour and the round marker of each connection state. Owns images: dispose it with the view. */
final class StateStyle {

    static final RGB GREEN = new RGB(0x2e, 0x8b, 0x3a);
    static final RGB ORANGE = new RGB(0xe0, 0x7b, 0x00);
    static final RGB RED = new RGB(0xc6, 0x28, 0x28);
    static final RGB BLUE = new RGB(0x1f, 0x6f, 0xb5);
    static final RGB GREY = new RGB(0x75, 0x75, 0x75);

    private static final int SIZE = 12;

    private final Map<Status, Color> colors = new EnumMap<>(Status.class);
    private final Map<Status, Image> dots = new EnumMap<>(Status.class);

    StateStyle(Display display) {
        for (Status s : Status.values()) {
            RGB rgb = rgb(s);
            colors.put(s, new Color(display, rgb));
            dots.put(s, new Image(display, dot(rgb)));
        }
    }

    static RGB rgb(Status s) {
        return switch (s) {
            case CONNECTED -> GREEN;
            case RECONNECTING -> ORANGE;
            case FAILED -> RED;
            case CONNECTING -> BLUE;
            case DISCONNECTED -> GREY;
        };
    }

    /** How a state is written in the list. */
    static String label(Status s) {
        return switch (s) {
            case CONNECTED -> "Connected";
            case RECONNECTING -> "Reconnecting";
            case FAILED -> "Failed";
            case CONNECTING -> "Connecting";
            case DISCONNECTED -> "Disconnected";
        };
    }

    Color color(Status s) {
        return colors.get(s);
    }

    Image dot(Status s) {
        return dots.get(s);
    }

    /** A filled circle with soft edges on a transparent background. */
    private static ImageData dot(RGB rgb) {
        ImageData d = new ImageData(SIZE, SIZE, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        byte[] alpha = new byte[SIZE * SIZE];
        double c = (SIZE - 1) / 2.0;
        double r = SIZE / 2.0 - 1;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                d.setPixel(x, y, d.palette.getPixel(rgb));
                double dist = Math.hypot(x - c, y - c);
                double a = Math.max(0, Math.min(1, r - dist + 0.5));
                alpha[y * SIZE + x] = (byte) Math.round(a * 255);
            }
        }
        d.alphaData = alpha;
        return d;
    }

    void dispose() {
        dots.values().forEach(Image::dispose);
        colors.values().forEach(Color::dispose);
    }
}
