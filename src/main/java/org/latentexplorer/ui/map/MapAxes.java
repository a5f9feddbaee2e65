package org.latentexplorer.ui.map;

import java.util.ArrayList;
import java.util.List;

/** Axis names of a projection and round tick values (1, 2 or 5 times a power of ten) over a visible range. */
final class MapAxes {
    private MapAxes() {
    }

    /**
     * The names of a layout's axes: those of its method, or for a layout along an attribute direction its
     * plane's ("zero → seven", "PC1 of the rest").
     */
    static String[] names(org.latentexplorer.ui.services.Projection p) {
        if (AttributeViewModel.METHOD.equals(p.method()) && p.inverse() != null) {
            return new String[]{p.inverse().uName(), p.inverse().vName()};
        }
        return names(p.method());
    }

    /** The names of the layout's axes: z1/z2 for the codes themselves, PC1/PC2, t-SNE 1/2, UMAP 1/2. */
    static String[] names(String method) {
        return switch (method == null ? "" : method) {
            case "identity" -> new String[]{"z1", "z2"};
            case "PCA" -> new String[]{"PC1", "PC2"};
            case "" -> new String[]{"x", "y"};
            default -> new String[]{method + " 1", method + " 2"};
        };
    }

    /** Round values in [lo, hi], at most about {@code count} of them (Heckbert 1990, "Nice numbers for graph labels"). */
    static List<Double> ticks(double lo, double hi, int count) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi) || count < 1) {
            return out;
        }
        double raw = (hi - lo) / count;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out;
    }

    static String format(double v) {
        return org.latentexplorer.sample.Plane.formatValue(v);
    }
}
