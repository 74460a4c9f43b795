package io.convergence.ui.trend.internal.model;

import java.util.Collection;

/**
 * Pen colours, distinct on a white background and for the common forms of colour blindness
 * (after Tableau 10). Red is left out: it marks bad quality (see io.convergence.ui.common.QualityStyle).
 */
public final class Palette {

    /** The colours in the order pens get them. */
    static final int[] COLORS = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF,
        0xBCBD22, 0x7F7F7F, 0x393B79, 0x637939, 0xAD494A};

    /** The colour that marks a stretch without samples (a gap the line does not cross). */
    public static final int GAP = 0xA8A8A8;

    private Palette() {
    }

    /** The first colour no pen uses; when all are taken, they repeat. */
    static int next(Collection<Pen> pens) {
        for (int c : COLORS) {
            if (pens.stream().noneMatch(p -> p.rgb() == c)) {
                return c;
            }
        }
        return COLORS[pens.size() % COLORS.length];
    }
}
