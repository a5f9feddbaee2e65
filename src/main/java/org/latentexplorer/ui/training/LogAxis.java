package org.latentexplorer.ui.training;

import java.math.BigDecimal;
import java.util.List;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * Makes a {@link NumberAxis} over log10 values read as a log axis. JavaFX's NumberAxis has no log
 * mode (and is final), so the curves hold log10 of the values ({@link TrainingCurves}) and this axis
 * puts its ticks on whole decades and labels them with the values themselves (0.1, 1, 10, 100).
 * Minor ticks are hidden: evenly spaced in log10 they would not fall on 2, 3, … 9 and would mislead.
 */
final class LogAxis {
    private static final StringConverter<Number> DECADES = new StringConverter<>() {
        @Override
        public String toString(Number log10) {
            return label(log10.doubleValue());
        }

        @Override
        public Number fromString(String s) {
            return Math.log10(Double.parseDouble(s));
        }
    };

    private LogAxis() {
    }

    /** Sets {@code axis} up for {@code series}: decades when {@code log}, the usual automatic range otherwise. */
    static void update(NumberAxis axis, boolean log, List<XYChart.Series<Number, Number>> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYChart.Series<Number, Number> s : series) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                min = Math.min(min, d.getYValue().doubleValue());
                max = Math.max(max, d.getYValue().doubleValue());
            }
        }
        if (!log || min > max) {
            axis.setAutoRanging(true);
            axis.setTickLabelFormatter(null);
            axis.setMinorTickVisible(true);
            axis.setLabel(null);
            return;
        }
        double lower = Math.floor(min);
        double upper = Math.max(Math.ceil(max), lower + 1);
        axis.setAutoRanging(false);
        axis.setLowerBound(lower);
        axis.setUpperBound(upper);
        axis.setTickUnit(upper - lower > 6 ? 2 : 1);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(DECADES);
        axis.setLabel("log scale");
    }

    /** The value whose log10 is {@code log10}: plain for 0.001 … 100,000, as 1e-5 beyond. */
    static String label(double log10) {
        long decade = Math.round(log10);
        if (Math.abs(log10 - decade) > 1e-9) {
            return String.format(java.util.Locale.ROOT, "%.3g", Math.pow(10, log10));
        }
        if (decade < -3 || decade > 5) {
            return "1e" + decade;
        }
        String plain = BigDecimal.ONE.scaleByPowerOfTen((int) decade).toPlainString();
        return decade >= 4 ? String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(plain)) : plain;
    }
}
