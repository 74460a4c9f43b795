package io.convergence.ui.oee.internal;

import java.util.ArrayList;
import java.util.List;

import io.convergence.ui.oee.internal.model.Grade;
import io.convergence.ui.oee.internal.model.OeePage;
import io.convergence.ui.oee.internal.model.Tile;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A heading and four big figures (availability, performance, quality, OEE). The number is written
 * in the normal text colour so that it reads on any theme; the colour is only a bar beside it.
 */
final class FigureRow {

    private final Label heading;
    private final List<Label> values = new ArrayList<>();
    private final List<Label> marks = new ArrayList<>();

    FigureRow(Composite parent, Font big) {
        Composite row = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        GridLayoutFactory.fillDefaults().numColumns(4).equalWidth(true).spacing(12, 2).applyTo(row);
        heading = new Label(row, SWT.NONE);
        heading.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).applyTo(heading);
        for (Grade.Factor f : Grade.Factor.values()) {
            Composite tile = new Composite(row, SWT.NONE);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(tile);
            GridLayoutFactory.fillDefaults().numColumns(2).spacing(8, 0).applyTo(tile);
            Label mark = new Label(tile, SWT.NONE);
            GridDataFactory.fillDefaults().span(1, 2).hint(6, SWT.DEFAULT).grab(false, true).applyTo(mark);
            Label title = new Label(tile, SWT.NONE);
            title.setText(OeePage.factorName(f));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
            Label value = new Label(tile, SWT.NONE);
            value.setFont(big);
            value.setText("100.0 %");
            GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
            values.add(value);
            marks.add(mark);
        }
    }

    void show(String headingText, List<Tile> tiles) {
        heading.setText(headingText);
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            values.get(i).setText(t.value());
            values.get(i).setToolTipText(OeePage.factorName(t.factor()) + ": " + t.value());
            marks.get(i).setBackground(Colors.of(t.grade()));
        }
    }

    String heading() {
        return heading.getText();
    }

    List<String> values() {
        return values.stream().map(Label::getText).toList();
    }
}
