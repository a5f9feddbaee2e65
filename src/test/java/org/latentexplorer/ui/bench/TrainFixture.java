package org.latentexplorer.ui.bench;

/** Writes the benchmark models: {@code mvn exec:java} is not needed, run it as a test main. */
public final class TrainFixture {
    public static void main(String[] args) {
        for (String a : args.length == 0 ? new String[] {"2", "20"} : args) {
            System.out.println(RealModels.mnist(Integer.parseInt(a)));
        }
    }
}
