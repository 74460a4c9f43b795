package io.convergence.ui.common;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.convergence.api.point.PointPath;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.jspecify.annotations.Nullable;

/**
 * The line a view shows, picked in a read-only drop-down of the lines its figures have: one behaviour
 * for the views that show one line at a time (OEE, Downtime, Orders, and partners' alike). The choice is
 * kept in the part's persisted state, so that the view opens on it again, and can be read from the
 * thread that reads the view's figures. Until the user picks one (or when the kept one is unreadable),
 * there is no choice, and the view shows the line its figures put first.
 *
 * <p>Create, {@link #show} and {@link #pick} on the UI thread; {@link #chosen} on any.
 *
 * @param <L> a line as the view's figures list it
 * @param <K> what identifies a line to the view's reading; written to the persisted state with
 *            {@code toString()}
 * @since 1.2
 */
public final class LineChoice<L, K> {

    /** How a view names and keeps its lines. */
    public record Keys<L, K>(Function<? super L, K> key, Function<String, K> parse, Function<? super L, String> label) {
    }

    /** Lines named by their point paths, shown as such. */
    public static Keys<PointPath, PointPath> paths() {
        return new Keys<>(line -> line, PointPath::parse, PointPath::toString);
    }

    private final Combo combo;
    private final Keys<L, K> keys;
    private final @Nullable Map<String, String> persisted;
    private final String persistedKey;
    private final Runnable changed;
    private List<L> lines = List.of();
    private volatile @Nullable K chosen;

    /**
     * Adds a label and the drop-down to {@code parent}, two cells of its grid layout.
     *
     * @param text the label before the drop-down
     * @param width the drop-down's width in pixels
     * @param persisted the part's persisted state; {@code null} without a part (a test)
     * @param persistedKey the view's key in it
     * @param changed run after the user picked another line (on the UI thread)
     */
    public LineChoice(Composite parent, String text, int width, Keys<L, K> keys, @Nullable Map<String, String> persisted,
                      String persistedKey, Runnable changed) {
        this.keys = keys;
        this.persisted = persisted;
        this.persistedKey = persistedKey;
        this.changed = changed;
        new Label(parent, SWT.NONE).setText(text);
        combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().hint(width, SWT.DEFAULT).applyTo(combo);
        combo.addListener(SWT.Selection, e -> choose(combo.getSelectionIndex()));
        String kept = persisted == null ? null : persisted.get(persistedKey);
        if (kept != null) {
            try {
                chosen = keys.parse().apply(kept);
            } catch (IllegalArgumentException e) {
                // a workspace from another version or hand-edited: show the first line
            }
        }
    }

    /** The line picked, or kept from an earlier session; {@code null} for "the first line". */
    public @Nullable K chosen() {
        return chosen;
    }

    /** Offers {@code offered} (the items are set again only when the list changed) with {@code shown} selected. */
    public void show(List<L> offered, @Nullable L shown) {
        if (!offered.equals(lines)) {
            lines = List.copyOf(offered);
            combo.setItems(lines.stream().map(keys.label()).toArray(String[]::new));
        }
        int i = shown == null ? -1 : lines.indexOf(shown);
        if (i >= 0) {
            combo.select(i);
        }
    }

    /**
     * Picks the line with key {@code key}, as the user does in the drop-down.
     *
     * @return whether such a line is offered
     */
    public boolean pick(K key) {
        for (int i = 0; i < lines.size(); i++) {
            if (keys.key().apply(lines.get(i)).equals(key)) {
                combo.select(i);
                choose(i);
                return true;
            }
        }
        return false;
    }

    /** The drop-down's items, as the user reads them. */
    public List<String> items() {
        return List.of(combo.getItems());
    }

    public Combo control() {
        return combo;
    }

    private void choose(int index) {
        if (index < 0 || index >= lines.size()) {
            return;
        }
        K key = keys.key().apply(lines.get(index));
        chosen = key;
        if (persisted != null) {
            persisted.put(persistedKey, key.toString());
        }
        changed.run();
    }
}
