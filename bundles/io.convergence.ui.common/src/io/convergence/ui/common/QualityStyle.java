package io.convergence.ui.common;

import io.convergence.api.point.Quality;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.RGB;
import org.jspecify.annotations.Nullable;

/**
 * How every view writes and colours the quality of a value: bad in red, uncertain in orange, a
 * stale value (one not updated for a while) or none yet in grey; good in the normal text colour.
 */
public final class QualityStyle {

    /** Bad quality, and a gap: red. */
    public static final RGB BAD = new RGB(0xc6, 0x28, 0x28);
    /** Uncertain quality: orange. */
    public static final RGB UNCERTAIN = new RGB(0xc2, 0x6a, 0x00);
    /** A stale value, or none yet: grey. */
    public static final RGB STALE = new RGB(0x8a, 0x8f, 0x96);

    private QualityStyle() {
    }

    /** The quality as written: Good, Uncertain, Bad. */
    public static String label(Quality q) {
        return switch (q) {
            case GOOD -> Messages.Quality_GOOD;
            case UNCERTAIN -> Messages.Quality_UNCERTAIN;
            case BAD -> Messages.Quality_BAD;
        };
    }

    /** The quality of a value not updated for a while: "Good · stale". */
    public static String staleLabel(Quality q) {
        return NLS.bind(Messages.Quality_stale, label(q));
    }

    /** The label of a point with no value yet. */
    public static String waitingLabel() {
        return Messages.Quality_waiting;
    }

    /** The colour of a quality; {@code null} for good, which keeps the normal text colour. */
    public static @Nullable RGB rgb(Quality q) {
        return switch (q) {
            case GOOD -> null;
            case UNCERTAIN -> UNCERTAIN;
            case BAD -> BAD;
        };
    }
}
