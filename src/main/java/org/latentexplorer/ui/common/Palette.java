package org.latentexplorer.ui.common;

import javafx.scene.paint.Color;

/**
 * Colours of classes (labels) and of clusters, two different sets so that a cluster is never read as the
 * label of the same number: labels take Tableau 10 then its lighter half; clusters take Paul Tol's
 * "muted" scheme (colour-blind safe), darkened on each further round.
 */
public final class Palette {
    private static final int[] RGB = {
        0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC,
        0xA0CBE8, 0xFFBE7D, 0x8CD17D, 0xB6992D, 0x499894, 0x86BCB6, 0xD37295, 0xFABFD2, 0xD4A6C8, 0x79706E,
    };
    /** Colour of unlabelled points. */
    public static final int UNLABELLED = 0xFF4E79A7;

    private Palette() {
    }

    /** Opaque ARGB colour of class {@code k}. */
    public static int argb(int k) {
        return 0xFF000000 | RGB[Math.floorMod(k, RGB.length)];
    }

    public static Color color(int k) {
        return fx(argb(k));
    }

    /** Paul Tol's muted qualitative scheme (https://personal.sron.nl/~pault/), without its pale grey. */
    private static final int[] CLUSTER_RGB = {
        0x332288, 0x88CCEE, 0x44AA99, 0x117733, 0x999933, 0xDDCC77, 0xCC6677, 0x882255, 0xAA4499,
    };

    /** Opaque ARGB colour of cluster {@code k}: Tol's nine, then the same a third darker, and so on. */
    public static int clusterArgb(int k) {
        int base = CLUSTER_RGB[Math.floorMod(k, CLUSTER_RGB.length)];
        int round = Math.floorDiv(Math.max(0, k), CLUSTER_RGB.length) % 3;
        double f = Math.pow(0.7, round);
        int r = (int) (((base >> 16) & 0xFF) * f), g = (int) (((base >> 8) & 0xFF) * f), b = (int) ((base & 0xFF) * f);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    public static Color clusterColor(int k) {
        return fx(clusterArgb(k));
    }

    private static Color fx(int c) {
        return Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
    }
}
