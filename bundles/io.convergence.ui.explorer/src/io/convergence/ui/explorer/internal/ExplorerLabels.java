package io.convergence.ui.explorer.internal;

import java.util.Locale;

import io.convergence.api.connector.BrowseNode;
import io.convergence.api.connector.ConnectorState;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.ui.common.ConnectionStyle;
import io.convergence.ui.common.QualityStyle;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.StyledCellLabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.TextStyle;
import org.eclipse.swt.widgets.Control;
import org.jspecify.annotations.Nullable;

/**
 * Labels of the explorer: names in the normal colour, counts, units and types in the decoration
 * colour, a connection's state as every view writes and colours it ({@link ConnectionStyle}).
 */
final class ExplorerLabels extends StyledCellLabelProvider {

    private static final Color RED = new Color(QualityStyle.BAD);

    private final LocalResourceManager resources;
    private final StyledString.Styler italic;

    ExplorerLabels(Control owner) {
        resources = new LocalResourceManager(JFaceResources.getResources(), owner);
        italic = new StyledString.Styler() {
            @Override
            public void applyStyles(TextStyle style) {
                style.foreground = owner.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW);
                style.font = JFaceResources.getFontRegistry().getItalic(JFaceResources.DEFAULT_FONT);
            }
        };
    }

    @Override
    public void update(ViewerCell cell) {
        Object e = cell.getElement();
        StyledString s = text(e);
        cell.setText(s.getString());
        cell.setStyleRanges(s.getStyleRanges());
        cell.setImage(image(e));
        super.update(cell);
    }

    StyledString text(Object e) {
        return switch (e) {
            case PlantFolder f -> new StyledString(f.path() == null ? Messages.Explorer_plant : f.name())
                .append("  " + NLS.bind(Messages.Explorer_count, f.pointCount()), StyledString.COUNTER_STYLER);
            case PointGroup g -> new StyledString(g.label())
                .append("  " + NLS.bind(Messages.Explorer_count, g.points().size()), StyledString.COUNTER_STYLER);
            case PointInfo p -> new StyledString(p.path().name())
                .append("  " + decoration(p.unit(), p.type()), StyledString.DECORATIONS_STYLER);
            case Connections c -> new StyledString(Messages.Explorer_connections)
                .append("  " + NLS.bind(Messages.Explorer_count, c.nodes().size()), StyledString.COUNTER_STYLER);
            case ConnectionNode n -> connection(n);
            case BrowseItem b -> browse(b.node());
            case LazyChildren.Loading l -> new StyledString(Messages.Explorer_loading, italic);
            case LazyChildren.Message m -> new StyledString(m.text(), styler(RED));
            default -> new StyledString(String.valueOf(e));
        };
    }

    private static StyledString connection(ConnectionNode n) {
        ConnectorState st = n.state();
        StyledString s = new StyledString(n.id()).append("  ").append(ConnectionStyle.label(st.status()),
            styler(new Color(ConnectionStyle.rgb(st.status()))));
        // Connected says it all (the endpoint is in the tooltip); any other state says why.
        if (st.status() != ConnectorState.Status.CONNECTED && !st.detail().isBlank()) {
            s.append(" \u2014 " + st.detail(), StyledString.DECORATIONS_STYLER);
        }
        return s;
    }

    private static StyledString browse(BrowseNode n) {
        StyledString s = new StyledString(n.name());
        if (n.kind() == BrowseNode.Kind.VARIABLE && n.type() != null) {
            s.append("  " + n.type().name().toLowerCase(Locale.ROOT), StyledString.DECORATIONS_STYLER);
        } else if (n.kind() == BrowseNode.Kind.METHOD) {
            s.append("  " + Messages.Explorer_method, StyledString.DECORATIONS_STYLER);
        }
        return s;
    }

    static String decoration(String unit, DataType type) {
        String t = type.name().toLowerCase(Locale.ROOT);
        return unit.isBlank() ? t : unit + " \u00b7 " + t;
    }

    private static StyledString.Styler styler(@Nullable Color c) {
        return new StyledString.Styler() {
            @Override
            public void applyStyles(TextStyle style) {
                style.foreground = c;
            }
        };
    }

    private @Nullable Image image(Object e) {
        String name = switch (e) {
            case PlantFolder f -> f.path() == null ? "plant" : "folder";
            case PointGroup g -> "group";
            case PointInfo p -> p.type().isNumeric() ? "point" : "point-text";
            case Connections c -> "connections";
            case ConnectionNode n -> "connection";
            case BrowseItem b -> switch (b.node().kind()) {
                case FOLDER -> "folder";
                case OBJECT -> "object";
                case METHOD -> "method";
                case VARIABLE -> b.node().type() == null || b.node().type().isNumeric() ? "point" : "point-text";
            };
            default -> null;
        };
        if (name == null) {
            return null;
        }
        ImageDescriptor d = ResourceLocator.imageDescriptorFromBundle(ExplorerLabels.class, "icons/" + name + ".png").orElse(null);
        return d == null ? null : resources.create(d);
    }

    @Override
    public @Nullable String getToolTipText(Object e) {
        if (e instanceof PointInfo p) {
            return NLS.bind(Messages.Explorer_tipPoint, new Object[] {p.path(), p.description().isBlank() ? decoration(p.unit(), p.type()) : p.description(),
                p.sourceAddress() == null ? p.source() : p.source() + " \u00b7 " + p.sourceAddress()});
        }
        if (e instanceof BrowseItem b) {
            return NLS.bind(Messages.Explorer_tipVariable, b.node().point() == null ? b.node().name() : b.node().point(), b.node().nodeId());
        }
        if (e instanceof ConnectionNode n) {
            return n.state().detail();
        }
        return null;
    }
}
