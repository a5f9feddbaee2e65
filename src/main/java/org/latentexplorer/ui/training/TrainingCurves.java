package org.latentexplorer.ui.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The two charts' series: −ELBO (train, validation) and the loss terms. Each curve keeps its raw
 * values beside what the chart shows, because the terms chart can show log10 of its values: switching
 * the scale redraws from the raw values, and a value the log axis cannot show (zero or negative, as a
 * Gaussian likelihood's reconstruction term can be) comes back when the axis is linear again.
 *
 * <p>Why a log axis and not one normalised axis per term: the terms add up to the −ELBO, so they share
 * a unit (nats per example); on one log axis a KL of 3 nats and a reconstruction of 150 nats are both
 * readable and still comparable, which per-term normalisation would hide.
 */
final class TrainingCurves {
    /** Terms whose typical sizes differ by more than this get the log axis unless the user chose. */
    static final double LOG_SPREAD = 10;
    private static final int MAX_POINTS = 1500;

    private record Curve(XYChart.Series<Number, Number> series, boolean term, List<double[]> raw) {
    }

    private final ObservableList<XYChart.Series<Number, Number>> loss = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> terms = FXCollections.observableArrayList();
    private final Map<String, Curve> byName = new LinkedHashMap<>();
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper hidden = new ReadOnlyStringWrapper("");
    private boolean userChoseScale;
    private boolean settingScale;

    TrainingCurves() {
        logScale.addListener((o, was, now) -> {
            if (!settingScale) {
                userChoseScale = true;
            }
            terms.forEach(s -> redraw(byName.get(s.getName())));
            updateHidden();
        });
    }

    /** Forgets every curve; the next curves choose their own scale again. */
    void clear() {
        loss.clear();
        terms.clear();
        byName.clear();
        userChoseScale = false;
        hidden.set("");
    }

    void addLoss(String name, double x, double y) {
        add(name, false, x, y);
    }

    void addTerm(String name, double x, double y) {
        add(name, true, x, y);
    }

    private void add(String name, boolean term, double x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        Curve c = byName.get(name);
        if (c == null) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(name);
            c = new Curve(s, term, new ArrayList<>());
            byName.put(name, c);
            (term ? terms : loss).add(s);
        }
        c.raw().add(new double[] {x, y});
        if (c.raw().size() > MAX_POINTS) {
            // Thin out old points rather than drop them: the curve keeps its whole history.
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < c.raw().size(); i++) {
                if (i % 2 == 0 || i == c.raw().size() - 1) {
                    kept.add(c.raw().get(i));
                }
            }
            c.raw().clear();
            c.raw().addAll(kept);
            redraw(c);
        } else if (shows(c, y)) {
            c.series().getData().add(new XYChart.Data<>(x, shown(c, y)));
        } else {
            updateHidden();
        }
    }

    /**
     * Turns the log axis on when the terms' typical sizes (mean of each term's values) differ by more
     * than {@link #LOG_SPREAD}× and every value is positive; does nothing once the user chose a scale.
     */
    void chooseScale() {
        if (userChoseScale) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Curve c : byName.values()) {
            if (!c.term() || c.raw().isEmpty()) {
                continue;
            }
            double sum = 0;
            for (double[] p : c.raw()) {
                if (p[1] <= 0) {
                    return;
                }
                sum += p[1];
            }
            double mean = sum / c.raw().size();
            min = Math.min(min, mean);
            max = Math.max(max, mean);
        }
        if (max > 0) {
            settingScale = true;
            logScale.set(max / min > LOG_SPREAD);
            settingScale = false;
        }
    }

    private void redraw(Curve c) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(c.raw().size());
        for (double[] p : c.raw()) {
            if (shows(c, p[1])) {
                data.add(new XYChart.Data<>(p[0], shown(c, p[1])));
            }
        }
        c.series().getData().setAll(data);
        updateHidden();
    }

    private boolean shows(Curve c, double y) {
        return !(c.term() && logScale.get() && y <= 0);
    }

    private double shown(Curve c, double y) {
        return c.term() && logScale.get() ? Math.log10(y) : y;
    }

    private void updateHidden() {
        long n = !logScale.get() ? 0 : byName.values().stream().filter(Curve::term)
                .flatMap(c -> c.raw().stream()).filter(p -> p[1] <= 0).count();
        hidden.set(n == 0 ? "" : n + (n == 1 ? " value" : " values") + " ≤ 0 cannot be drawn on the log axis; "
                + "untick “Log scale” to see " + (n == 1 ? "it." : "them."));
    }

    ObservableList<XYChart.Series<Number, Number>> loss() {
        return loss;
    }

    ObservableList<XYChart.Series<Number, Number>> terms() {
        return terms;
    }

    /** Whether the terms chart shows log10 of the values (its tick labels show the values themselves). */
    BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Says how many term values the log axis leaves out; empty when none. */
    ReadOnlyStringProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }
}
