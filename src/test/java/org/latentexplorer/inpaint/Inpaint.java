package org.latentexplorer.inpaint;

import java.util.ArrayList;
import java.util.List;

/** Test helpers. */
final class Inpaint {
    private Inpaint() {
    }

    /** The mean and every sample of a completion. */
    static List<float[]> allImages(Completion c) {
        List<float[]> all = new ArrayList<>();
        all.add(c.mean());
        all.addAll(List.of(c.samples()));
        return all;
    }
}
