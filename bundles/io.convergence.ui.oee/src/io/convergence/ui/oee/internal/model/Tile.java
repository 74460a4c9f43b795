package io.convergence.ui.oee.internal.model;

/**
 * One big figure of the view.
 *
 * @param factor which figure
 * @param value the figure as written ({@code 83.4 %}, or a dash without figures)
 * @param grade the hint beside it
 */
public record Tile(Grade.Factor factor, String value, Grade grade) {
}
