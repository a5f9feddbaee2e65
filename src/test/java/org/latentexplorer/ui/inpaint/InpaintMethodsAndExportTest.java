package org.latentexplorer.ui.inpaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.inpaint.KnnWeighting;
import org.latentexplorer.inpaint.MethodSpec;
import org.latentexplorer.ui.fakes.Harness;

/** The method chooser's words, which fields each method uses, the uncertainty panel and the exports, without a screen. */
class InpaintMethodsAndExportTest {
    @TempDir
    Path dir;

    private final Debouncer.Manual debounce = new Debouncer.Manual();

    private InpaintViewModel editor(Harness h) {
        InpaintViewModel vm = new InpaintViewModel(h.services, h.executor, h.session, h.errors, debounce);
        debounce.flush(); // the first example, top half hidden
        return vm;
    }

    @Test
    void everyMethodInTheChooserHasAReadableNameAndAnExplanation() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        Map<String, String> names = vm.methods().stream().collect(Collectors.toMap(m -> m, vm::displayName));
        assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pseudo-gibbs", "Pseudo-Gibbs sampling",
                "mwg", "Metropolis-within-Gibbs",
                "iw", "Importance sampling (K = 1000)",
                "replace", "Iterative replacement",
                "optimize", "Optimise the code",
                "knn:10", "Nearest neighbours (k = 10)"));
        for (String m : vm.methods()) {
            assertThat(vm.explanation(m)).as(m).endsWith(".").hasSizeBetween(40, 260);
        }
        assertThat(MethodNames.name(MethodSpec.knn(5, KnnWeighting.SOFTMAX))).isEqualTo(
                "Nearest neighbours (k = 5, softmax-weighted)");
        assertThat(MethodNames.name(MethodSpec.iw(64))).isEqualTo("Importance sampling (K = 64)");
    }

    @Test
    void iterationsAreOffForIwAndKnnWithTheReasonAndOnForTheChainsAndTheOptimiser() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        for (String m : List.of("pseudo-gibbs", "mwg", "replace", "optimize")) {
            vm.methodProperty().set(m);
            assertThat(vm.iterationsApplyProperty().get()).as(m).isTrue();
            assertThat(vm.iterationsNoteProperty().get()).as(m).doesNotContain("do not apply");
        }
        vm.methodProperty().set("iw");
        assertThat(vm.iterationsApplyProperty().get()).isFalse();
        assertThat(vm.iterationsNoteProperty().get()).isEqualTo(
                "Importance sampling draws its 1000 codes in a fixed number of rounds: Iterations do not apply.");
        vm.methodProperty().set("knn:10");
        assertThat(vm.iterationsApplyProperty().get()).isFalse();
        assertThat(vm.iterationsNoteProperty().get()).contains("Iterations do not apply");
    }

    @Test
    void aVaeacBringsItsOwnMethodWhichCompletesWithSpreadAndGoesWithTheModel() {
        Harness h = new Harness(dir).withVaeac(3);
        InpaintViewModel vm = editor(h);
        assertThat(h.errors.messages).isEmpty();
        assertThat(vm.methods()).first().isEqualTo("vaeac:32");
        assertThat(vm.methods()).contains("mwg", "knn:10");
        assertThat(vm.methodProperty().get()).isEqualTo("vaeac:32");
        assertThat(vm.displayName("vaeac:32")).isEqualTo("VAEAC (S = 32)");
        assertThat(vm.explanation("vaeac:32")).endsWith(".");
        assertThat(vm.iterationsApplyProperty().get()).isFalse();
        debounce.flush();
        Outcome o = vm.outcomeProperty().get();
        assertThat(o).isNotNull();
        assertThat(o.completion().method().toString()).isEqualTo("vaeac:32");
        assertThat(o.uncertainty().shown()).isTrue();
        h.withModel(2);
        assertThat(vm.methods()).doesNotContain("vaeac:32");
        assertThat(vm.methodProperty().get()).isEqualTo("pseudo-gibbs");
    }

    @Test
    void changingIterationsUnderKnnStartsNoCompletion() {
        Harness h = new Harness(dir).withModel(2);
        InpaintViewModel vm = editor(h);
        vm.methodProperty().set("knn:10");
        debounce.flush();
        int before = h.services.inpaintTokens.size();
        vm.iterationsProperty().set(50);
        assertThat(debounce.flush()).as("nothing scheduled").isFalse();
        assertThat(h.services.inpaintTokens).hasSize(before);
    }

    @Test
    void replaceAndOptimiseSayTheyGiveNoUncertaintyInsteadOfAMap() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        vm.methodProperty().set("replace");
        debounce.flush();
        Uncertainty u = vm.outcomeProperty().get().uncertainty();
        assertThat(u.shown()).isFalse();
        assertThat(u.absent()).isEqualTo("Iterative replacement gives one completion: no uncertainty.");
        vm.methodProperty().set("optimize");
        debounce.flush();
        assertThat(vm.outcomeProperty().get().uncertainty().absent())
                .isEqualTo("Optimise the code gives one completion: no uncertainty.");
    }

    @Test
    void aSamplingMethodsScaleRunsOverTheHiddenPixelsSpread() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        Outcome o = vm.outcomeProperty().get();
        Uncertainty u = o.uncertainty();
        assertThat(u.shown()).isTrue();
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int i = 0; i < o.missing().length; i++) {
            if (o.missing()[i]) {
                max = Math.max(max, o.completion().stdDev()[i]);
                min = Math.min(min, o.completion().stdDev()[i]);
            }
        }
        assertThat(u.max()).isEqualTo(max).isGreaterThan(0);
        assertThat(u.min()).isEqualTo(min);
    }

    @Test
    void anEmptyMaskSaysNothingIsHidden() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        vm.clearMask();
        debounce.flush();
        assertThat(vm.outcomeProperty().get().uncertainty().absent()).isEqualTo("Nothing is hidden: no uncertainty.");
    }

    @Test
    void theCsvHoldsTheFiguresTheScreenShows() throws Exception {
        Harness h = new Harness(dir).withModel(2);
        InpaintViewModel vm = editor(h);
        vm.methodProperty().set("knn:10");
        debounce.flush();
        Outcome o = vm.outcomeProperty().get();
        Path file = dir.resolve("inpaint.csv");
        vm.exportCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("source,method,method_spec,iterations,hidden_pixels,hidden_percent,"
                + "rmse_hidden,mae_hidden,std_min,std_max,effective_samples,acceptance_rate,millis");
        String[] row = lines.get(1).split(",", -1);
        assertThat(row).hasSize(13);
        assertThat(row[0]).isEqualTo("synthetic #0 (zero)");
        assertThat(row[1]).isEqualTo("Nearest neighbours (k = 10)");
        assertThat(row[2]).isEqualTo("knn:10");
        assertThat(row[3]).as("K-NN runs no iterations").isEmpty();
        assertThat(row[4]).isEqualTo("392");
        assertThat(row[5]).isEqualTo("50.0");
        assertThat(Double.parseDouble(row[6])).isCloseTo(o.rmse(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Double.parseDouble(row[7])).isCloseTo(o.mae(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(o.rmse()).isGreaterThanOrEqualTo(o.mae());
        assertThat(Double.parseDouble(row[9])).isCloseTo(o.uncertainty().max(), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(row[12]).isNotEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Wrote " + file);
        assertThat(h.errors.messages).isEmpty();
    }

    @Test
    void theRmseIsTheErrorOfTheMeanOverTheHiddenPixelsOnly() {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        Outcome o = vm.outcomeProperty().get();
        double se = 0;
        int n = 0;
        float[] truth = vm.image();
        for (int i = 0; i < truth.length; i++) {
            if (o.missing()[i]) {
                double d = o.completion().mean()[i] - truth[i];
                se += d * d;
                n++;
            }
        }
        assertThat(n).isEqualTo(14 * 28);
        assertThat(o.rmse()).isCloseTo(Math.sqrt(se / n), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void thePngSheetShowsTheColourBarForASamplerAndTheStatementForReplace() throws Exception {
        InpaintViewModel vm = editor(new Harness(dir).withModel(2));
        Path sampler = dir.resolve("gibbs.png");
        vm.exportPng(sampler);
        BufferedImage a = ImageIO.read(sampler.toFile());
        assertThat(a).isNotNull();
        assertThat(a.getWidth()).isGreaterThan(4 * 112);
        vm.methodProperty().set("replace");
        debounce.flush();
        Path replace = dir.resolve("replace.png");
        vm.exportPng(replace);
        BufferedImage b = ImageIO.read(replace.toFile());
        // The colour bar's hot end (white-ish yellow) is drawn for the sampler only.
        assertThat(countHot(a)).isGreaterThan(100);
        assertThat(countHot(b)).isZero();
    }

    @Test
    void exportingBeforeAnyCompletionSaysSoAndWritesNothing() {
        Harness h = new Harness(dir); // no model
        InpaintViewModel vm = new InpaintViewModel(h.services, h.executor, h.session, h.errors, debounce);
        vm.exportCsv(dir.resolve("x.csv"));
        assertThat(vm.messageProperty().get()).isEqualTo("There is no completion to export yet.");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    /** Pixels near the ramp's top colours (bright yellow to white), which no grey image or caption has. */
    private static int countHot(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (r > 240 && g > 200 && b < 150) {
                    n++;
                }
            }
        }
        return n;
    }
}
