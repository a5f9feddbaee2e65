package org.latentexplorer.ui.common;

import java.math.BigInteger;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * An editable whole-number spinner that cannot be broken by typing. JavaFX commits an editable
 * spinner's text through its value factory's converter on Enter; the stock converter throws
 * NumberFormatException on letters (on the FX thread), returns null for an empty field (which the
 * screens' listeners then unbox), and the factory silently clamps numbers out of range. Here text
 * that is not a whole number within the factory's current bounds keeps the last good value, puts
 * its text back, outlines the field in red and shows a short message under it; the next good value
 * clears both. The bounds are read at each commit, so a maximum that follows the data (an example
 * index) is checked as it stands.
 */
public final class IntegerSpinner extends Spinner<Integer> {

    private final String name;
    private final IntegerSpinnerValueFactory factory;
    private final FieldProblem problem = new FieldProblem(this);
    /** The style the screen gave the field, put back when the complaint ends. */

    /** A spinner for {@code name} (used in its messages), from {@code min} to {@code max}, stepping by 1. */
    public IntegerSpinner(String name, int min, int max, int initial) {
        this(name, min, max, initial, 1);
    }

    public IntegerSpinner(String name, int min, int max, int initial, int step) {
        this.name = name;
        this.factory = new IntegerSpinnerValueFactory(min, max, initial, step);
        factory.setConverter(new Converter());
        setValueFactory(factory);
        setEditable(true);
        // Any value that arrives (a good commit, an arrow, the ViewModel) ends the complaint.
        valueProperty().addListener((o, a, b) -> clearProblem());
    }

    /** The message for the last text refused, or null while the field holds what was typed. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.property();
    }

    /** The bounds of the values this field takes; a maximum that follows the data is set here. */
    public IntegerSpinnerValueFactory bounds() {
        return factory;
    }

    /**
     * The whole number {@code text} denotes if it lies in {@code [min, max]}; otherwise null and a
     * message naming the field, what it takes and what was typed. Surrounding blanks are ignored.
     */
    public static Checked check(String name, String text, int min, int max) {
        String t = text == null ? "" : text.strip();
        String wanted = name + " takes a whole number from " + min + " to " + max;
        if (t.isEmpty()) {
            return new Checked(null, wanted + "; the field was empty");
        }
        BigInteger n;
        try {
            // BigInteger so that "99999999999" is reported as too large rather than as not a number.
            n = new BigInteger(t);
        } catch (NumberFormatException e) {
            return new Checked(null, wanted + ", not '" + shorten(t) + "'");
        }
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            return new Checked(null, wanted + "; " + shorten(t) + " is out of range");
        }
        return new Checked(n.intValueExact(), null);
    }

    private static String shorten(String t) {
        return t.length() <= 20 ? t : t.substring(0, 19) + "…";
    }

    /** What {@link #check} makes of a text: a value, or a message. */
    public record Checked(Integer value, String problem) {
        public boolean ok() {
            return value != null;
        }
    }

    private void refuse(String why) {
        problem.refuse(why, String.valueOf(getValue()));
    }

    private void clearProblem() {
        problem.clear();
    }

    /** Never throws and never answers null: a refused text answers the value already held. */
    private final class Converter extends StringConverter<Integer> {
        @Override
        public String toString(Integer value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public Integer fromString(String text) {
            Checked c = check(name, text, factory.getMin(), factory.getMax());
            if (c.ok()) {
                clearProblem();
                return c.value();
            }
            refuse(c.problem());
            // The spinner keeps the editor's text when the value does not change: show the kept value.
            getEditor().setText(toString(getValue()));
            return getValue();
        }
    }
}
