package io.convergence.ui.features.internal.ui;

import io.convergence.admin.TrustState;
import io.convergence.ui.features.internal.PlanSummary;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.jspecify.annotations.Nullable;

/** The view's few colours: red for problems and untrusted content, orange for unsigned, green for what comes. */
final class Styles {

    static final Color RED = new Color(new RGB(0xc0, 0x1c, 0x28));
    static final Color ORANGE = new Color(new RGB(0xc2, 0x6a, 0x00));
    static final Color GREEN = new Color(new RGB(0x1a, 0x7f, 0x37));
    static final Color BLUE = new Color(new RGB(0x1c, 0x5f, 0xb0));

    private Styles() {
    }

    static @Nullable Color trust(TrustState t) {
        return switch (t) {
            case UNTRUSTED -> RED;
            case UNSIGNED -> ORANGE;
            case TRUSTED, PRODUCT -> null;
        };
    }

    static @Nullable Color line(PlanSummary.Kind kind) {
        return switch (kind) {
            case ADDED -> GREEN;
            case UPDATED -> BLUE;
            case REMOVED -> ORANGE;
            case PROBLEM -> RED;
        };
    }
}
