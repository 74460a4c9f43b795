package io.convergence.ui.oee.internal;

import io.convergence.api.business.LossCategory;
import io.convergence.ui.common.QualityStyle;
import io.convergence.ui.oee.internal.model.Grade;
import io.convergence.ui.oee.internal.model.Step;

import org.eclipse.swt.graphics.Color;
import org.jspecify.annotations.Nullable;

/** The view's colours: hints beside numbers and the waterfall's bars, readable on a light background. */
final class Colors {

    static final Color GOOD = new Color(0x2e, 0x7d, 0x32);
    static final Color FAIR = new Color(QualityStyle.UNCERTAIN);
    static final Color POOR = new Color(QualityStyle.BAD);
    static final Color NONE = new Color(QualityStyle.STALE);
    static final Color PLANNED = new Color(0x45, 0x5a, 0x78);
    static final Color AVAILABILITY = new Color(0xc6, 0x28, 0x28);
    static final Color PERFORMANCE = new Color(0xe0, 0x8a, 0x00);
    static final Color QUALITY = new Color(0x7b, 0x3f, 0xa0);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color BAR = new Color(0x3a, 0x6e, 0xa5);

    private Colors() {
    }

    static Color of(Grade g) {
        return switch (g) {
            case GOOD -> GOOD;
            case FAIR -> FAIR;
            case POOR -> POOR;
            case NONE -> NONE;
        };
    }

    static Color of(Step step) {
        return switch (step.kind()) {
            case PLANNED -> PLANNED;
            case PRODUCTIVE -> GOOD;
            case LOSS -> of(step.category());
        };
    }

    private static Color of(@Nullable LossCategory c) {
        if (c == null) {
            return NONE;
        }
        return switch (c) {
            case AVAILABILITY -> AVAILABILITY;
            case PERFORMANCE -> PERFORMANCE;
            case QUALITY -> QUALITY;
        };
    }
}
