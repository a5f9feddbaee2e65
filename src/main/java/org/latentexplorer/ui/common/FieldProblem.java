package org.latentexplorer.ui.common;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Bounds;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * How a numeric field refuses text ({@link IntegerSpinner}, {@link DecimalField}): it outlines the field
 * in red, shows a short message under it for a few seconds, and holds the message as a property until
 * the field takes a good value again.
 */
final class FieldProblem {
    /** Modena draws a text box's outline in these looked-up colours. */
    static final String ERROR_STYLE = "-fx-text-box-border: #b00020; -fx-focus-color: #b00020;"
            + " -fx-faint-focus-color: #b0002022;";
    static final Duration MESSAGE_SHOWN = Duration.seconds(4);

    private final Control field;
    private final ReadOnlyStringWrapper problem;
    private final Tooltip message = new Tooltip();
    private final PauseTransition hideMessage = new PauseTransition(MESSAGE_SHOWN);
    private String ownStyle = "";

    FieldProblem(Control field) {
        this.field = field;
        this.problem = new ReadOnlyStringWrapper(field, "problem");
        message.getStyleClass().add("field-problem");
        hideMessage.setOnFinished(e -> message.hide());
    }

    ReadOnlyStringProperty property() {
        return problem.getReadOnlyProperty();
    }

    /** Refuses with {@code why}; {@code kept} names the value the field keeps. */
    void refuse(String why, String kept) {
        if (problem.get() == null) {
            ownStyle = field.getStyle() == null ? "" : field.getStyle();
        }
        problem.set(why);
        field.setStyle(ownStyle + " " + ERROR_STYLE);
        message.setText(why + "; kept " + kept + ".");
        Bounds b = field.localToScreen(field.getBoundsInLocal());
        if (field.getScene() != null && field.getScene().getWindow() != null
                && field.getScene().getWindow().isShowing() && b != null) {
            message.show(field, b.getMinX(), b.getMaxY() + 2);
            hideMessage.playFromStart();
        }
    }

    void clear() {
        if (problem.get() != null) {
            problem.set(null);
            field.setStyle(ownStyle);
            hideMessage.stop();
            message.hide();
        }
    }
}
