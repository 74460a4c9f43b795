package io.convergence.ui.common;

import java.util.EnumMap;
import java.util.Map;

import io.convergence.api.connector.ConnectorState.Status;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;

/**
 * How every view writes and colours a connection's state: connected in green, connecting in blue,
 * reconnecting in orange, failed in red, disconnected in grey; and a round marker of that colour.
 */
public final class ConnectionStyle {

    public static final RGB GREEN = new RGB(0x2e, 0x8b, 0x3a);
    public static final RGB BLUE = new RGB(0x1f, 0x6f, 0xb5);
    public static final RGB ORANGE = new RGB(0xe0, 0x7b, 0x00);
    public static final RGB RED = QualityStyle.BAD;
    public static final RGB GREY = new RGB(0x75, 0x75, 0x75);

    private static final int DOT = 12;
    private static final Map<Status, ImageDescriptor> DOTS = new EnumMap<>(Status.class);

    static {
        for (Status s : Status.values()) {
            ImageData d = dot(rgb(s));
            DOTS.put(s, ImageDescriptor.createFromImageDataProvider(zoom -> zoom == 100 ? d : null));
        }
    }

    private ConnectionStyle() {
    }

    /** The state as written: Connected, Connecting, Reconnecting, Failed, Disconnected. */
    public static String label(Status s) {
        return switch (s) {
            case CONNECTED -> Messages.State_CONNECTED;
            case CONNECTING -> Messages.State_CONNECTING;
            case RECONNECTING -> Messages.State_RECONNECTING;
            case FAILED -> Messages.State_FAILED;
            case DISCONNECTED -> Messages.State_DISCONNECTED;
        };
    }

    /** The colour of a state. */
    public static RGB rgb(Status s) {
        return switch (s) {
            case CONNECTED -> GREEN;
            case CONNECTING -> BLUE;
            case RECONNECTING -> ORANGE;
            case FAILED -> RED;
            case DISCONNECTED -> GREY;
        };
    }

    /** A round marker of the state's colour, 12 pixels; create images from it with a resource manager. */
    public static ImageDescriptor dot(Status s) {
        return DOTS.get(s);
    }

    /** A filled circle with soft edges on a transparent background. */
    private static ImageData dot(RGB rgb) {
        ImageData d = new ImageData(DOT, DOT, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        byte[] alpha = new byte[DOT * DOT];
        double c = (DOT - 1) / 2.0;
        double r = DOT / 2.0 - 1;
        for (int y = 0; y < DOT; y++) {
            for (int x = 0; x < DOT; x++) {
                d.setPixel(x, y, d.palette.getPixel(rgb));
                double a = Math.max(0, Math.min(1, r - Math.hypot(x - c, y - c) + 0.5));
                alpha[y * DOT + x] = (byte) Math.round(a * 255);
            }
        }
        d.alphaData = alpha;
        return d;
    }
}
