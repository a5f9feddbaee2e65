package org.latentexplorer.ui.common;

import javafx.scene.paint.Color;

/** Class colours: Tableau 10 then its lighter half, distinguishable on white and for most colour-blind readers. */
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
        int c = argb(k);
        return Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
    }
}
