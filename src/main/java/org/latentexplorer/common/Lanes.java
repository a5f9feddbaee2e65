package org.latentexplorer.common;

import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a float vector's lanes in one fixed order. {@code FloatVector.reduceLanes(ADD)} leaves
 * the order open: interpreted it adds the lanes left to right, compiled by C2 as a tree, and the two
 * sums differ in the last bit now and then, so a seeded run depended on when C2 compiled the caller
 * (docs/benchmarks-gmvae.md and docs/benchmarks-inpaint.md, session 4). Only for classes loaded when
 * the vector module is present.
 */
public final class Lanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lane k ↔ lane k xor h, for h = L/2, L/4, …, 1 (L lanes, a power of two). */
    @SuppressWarnings("unchecked")
    private static final VectorShuffle<Float>[] BUTTERFLY = IntStream.iterate(S.length() / 2, h -> h > 0, h -> h / 2)
            .mapToObj(h -> VectorShuffle.fromOp(S, k -> k ^ h)).toArray(VectorShuffle[]::new);

    private Lanes() {
    }

    /**
     * The lanes of v (of {@code FloatVector.SPECIES_PREFERRED}) added pairwise in a butterfly: v plus v
     * with lanes k and k xor h swapped, for h = L/2 down to 1, leaves the sum in lane 0; with 16 lanes
     * ((x₀ + x₈) + (x₄ + x₁₂)) + ((x₂ + x₁₀) + (x₆ + x₁₄)) + … . Only lane-wise adds (exactly rounded)
     * and lane moves, so the same bits interpreted or compiled, and under C2 as fast as
     * {@code reduceLanes}.
     */
    public static float sum(FloatVector v) {
        for (VectorShuffle<Float> swap : BUTTERFLY) {
            v = v.add(v.rearrange(swap));
        }
        return v.lane(0);
    }
}
