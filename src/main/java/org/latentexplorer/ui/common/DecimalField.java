package org.latentexplorer.ui.common;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TextField;

/**
 * A text field for a decimal number that cannot be broken by typing, the decimal sibling of
 * {@link IntegerSpinner}: the text is committed on Enter and when the field loses focus; text that is
 * not a plain decimal (letters, {@code NaN}, {@code Infinity}, Java's {@code 1d} or hexadecimal) or lies
 * outside {@code [min, max]} keeps the last good value, puts its text back, outlines the field in red
 * and shows a short message under it. An optional field takes empty text as "no value" (null), shown
 * by its prompt text, for settings whose default depends on others.
 */
public final class DecimalField extends TextField {
    /** Digits with an optional point and exponent: what a person types, nothing Java alone accepts. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String name;
    private final double min;
    private final double max;
    private final boolean optional;
    private final ObjectProperty<Double> value = new SimpleObjectProperty<>(this, "value");
    private final FieldProblem problem = new FieldProblem(this);

    /**
     * A field for {@code name} (used in its messages) taking numbers in {@code [min, max]}; an
     * {@code optional} field also takes empty text, as null.
     */
    public DecimalField(String name, double min, double max, Double initial, boolean optional) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.optional = optional;
        value.set(initial);
        setText(format(initial));
        setOnAction(e -> commit());
        focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        // A value set from outside (the ViewModel) shows and ends any complaint.
        value.addListener((o, a, b) -> {
            setText(format(b));
            clearProblem();
        });
    }

    /** The number held: the last good one committed or set; null only for an optional field left empty. */
    public ObjectProperty<Double> valueProperty() {
        return value;
    }

    /** The message for the last text refused, or null while the field holds what was typed. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.property();
    }

    /** Takes the typed text if it is good, else refuses it (see the class comment). */
    public void commit() {
        Checked c = check(name, getText(), min, max, optional);
        if (c.ok()) {
            clearProblem();
            if (!java.util.Objects.equals(c.value(), value.get())) {
                value.set(c.value());
            } else {
                setText(format(c.value()));
            }
            return;
        }
        refuse(c.problem());
        setText(format(value.get()));
    }

    /**
     * The number {@code text} denotes if it is a plain decimal in {@code [min, max]} (empty text: null for
     * an {@code optional} field); otherwise a message naming the field, what it takes and what was typed.
     */
    public static Checked check(String name, String text, double min, double max, boolean optional) {
        String t = text == null ? "" : text.strip();
        String wanted = name + " takes a number from " + format(min) + " to " + format(max)
                + (optional ? " (or nothing)" : "");
        if (t.isEmpty()) {
            return optional ? new Checked(null, null, true) : new Checked(null, wanted + "; the field was empty", false);
        }
        if (!DECIMAL.matcher(t).matches()) {
            return new Checked(null, wanted + ", not '" + shorten(t) + "'", false);
        }
        double d = Double.parseDouble(t);
        if (!Double.isFinite(d) || d < min || d > max) {
            return new Checked(null, wanted + "; " + shorten(t) + " is out of range", false);
        }
        return new Checked(d, null, true);
    }

    /** What {@link #check} makes of a text: a value (null for an empty optional field), or a message. */
    public record Checked(Double value, String problem, boolean ok) {
    }

    /** The shortest plain text of {@code v}: 0.001 rather than 1.0E-3, 1 rather than 1.0. */
    public static String format(Double v) {
        if (v == null) {
            return "";
        }
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.length() <= 12 ? s : String.valueOf(v);
    }

    private static String shorten(String t) {
        return t.length() <= 20 ? t : t.substring(0, 19) + "…";
    }

    private void refuse(String why) {
        problem.refuse(why, value.get() == null ? "nothing" : format(value.get()));
    }

    private void clearProblem() {
        problem.clear();
    }
}
