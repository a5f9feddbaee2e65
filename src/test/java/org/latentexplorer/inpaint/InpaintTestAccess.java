package org.latentexplorer.inpaint;

import org.latentexplorer.model.SameDiffModel;

/** Lets tests in other packages share the tiny trained model. */
public final class InpaintTestAccess {
    private InpaintTestAccess() {
    }

    public static SameDiffModel trainedTinyModel() {
        return TinyModels.trained();
    }

    public static float[] prototypeValues(int n) {
        return TinyModels.prototypes(n).values();
    }
}
