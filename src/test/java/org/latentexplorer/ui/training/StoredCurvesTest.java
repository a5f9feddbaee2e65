package org.latentexplorer.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.model.TrainingHistory;
import org.latentexplorer.train.EpochStats;
import org.latentexplorer.ui.fakes.FakeData;
import org.latentexplorer.ui.fakes.FakeModel;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.shell.Workspace;

/** The Training screen without a screen: an opened model's stored history, the log axis, the CSV. */
class StoredCurvesTest {
    private static final String COMMAND = "latent-explorer train --dataset synthetic --latent 2 --epochs 2";

    @TempDir
    Path dir;

    private static Map<String, Double> terms(double recon, double kl) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("recon", recon);
        m.put("kl", kl);
        return m;
    }

    private static TrainingHistory twoEpochs(double recon0) {
        return new TrainingHistory(COMMAND, 1, List.of(
                new EpochStats(0, recon0 + 1.5, terms(recon0, 1.5), 205.25, terms(204.0, 1.25), 2000, 4.5),
                new EpochStats(1, 190.0, terms(187.0, 3.0), 188.5, terms(186.0, 2.5), 2300, 3.5)));
    }

    private TrainingViewModel open(Harness h, TrainingHistory history) {
        TrainingViewModel vm = new TrainingViewModel(h.services, h.executor, h.session, h.errors, h.library);
        FakeModel m = new FakeModel(2);
        ModelHandle model = new ModelHandle(dir.resolve("stored.lexb"), m, history, Map.of(), m);
        h.session.workspaceProperty().set(new Workspace(model, FakeData.blobs(10, 1), new float[10][2]));
        return vm;
    }

    private static XYChart.Series<Number, Number> series(List<XYChart.Series<Number, Number>> all, String name) {
        return all.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<Double> ys(XYChart.Series<Number, Number> s) {
        return s.getData().stream().map(d -> d.getYValue().doubleValue()).toList();
    }

    @Test
    void anOpenedModelsStoredHistoryBecomesTheCurvesWithItsNameAndCommand() {
        TrainingViewModel vm = open(new Harness(dir), twoEpochs(242.0));
        assertThat(vm.titleProperty().get()).isEqualTo("Stored training history of stored.lexb: 2 epochs");
        assertThat(vm.commandProperty().get()).isEqualTo("Trained with: " + COMMAND);
        XYChart.Series<Number, Number> train = series(vm.lossSeries(), "train −ELBO");
        assertThat(train.getData()).extracting(d -> d.getXValue().doubleValue()).containsExactly(1.0, 2.0);
        assertThat(ys(train)).containsExactly(243.5, 190.0);
        assertThat(ys(series(vm.lossSeries(), "validation −ELBO"))).containsExactly(205.25, 188.5);
        assertThat(vm.termSeries()).extracting(XYChart.Series::getName)
                .containsExactly("train recon", "train kl", "validation recon", "validation kl");
        // recon (~200 nats) and kl (~2 nats) differ by far more than 10×: the terms chart starts on log10.
        assertThat(vm.logScaleProperty().get()).isTrue();
        assertThat(ys(series(vm.termSeries(), "train kl"))).containsExactly(Math.log10(1.5), Math.log10(3.0));
        vm.logScaleProperty().set(false);
        assertThat(ys(series(vm.termSeries(), "train kl"))).containsExactly(1.5, 3.0);
        assertThat(vm.hasCurves()).isTrue();
        assertThat(vm.exportName()).isEqualTo("stored-curves");
    }

    @Test
    void aModelWithoutHistorySaysSoAndDrawsNothing() {
        Harness h = new Harness(dir).withModel(2);
        TrainingViewModel vm = new TrainingViewModel(h.services, h.executor, h.session, h.errors, h.library);
        assertThat(vm.titleProperty().get()).startsWith("model-d2.lexb stores no training history");
        assertThat(vm.commandProperty().get()).isEmpty();
        assertThat(vm.lossSeries()).isEmpty();
        assertThat(vm.termSeries()).isEmpty();
        vm.exportCsv(dir.resolve("none.csv"));
        assertThat(h.errors.titles).contains("Nothing to export");
        assertThat(dir.resolve("none.csv")).doesNotExist();
    }

    @Test
    void aNewRunReplacesTheStoredCurvesAndItsResultKeepsTheLiveOnes() {
        Harness h = new Harness(dir);
        TrainingViewModel vm = open(h, twoEpochs(242.0));
        TrainFormViewModel form = new TrainFormViewModel("synthetic", dir);
        form.integer(TrainField.EPOCHS).set(3);
        form.text(TrainField.OUTPUT).set(dir.resolve("trained.lexb").toString());
        vm.start(form.toRequest());
        assertThat(h.session.workspace().model().name()).isEqualTo("trained.lexb");
        assertThat(vm.titleProperty().get()).startsWith("Finished: trained.lexb");
        assertThat(vm.commandProperty().get()).startsWith("Trained with: latent-explorer train --dataset synthetic");
        assertThat(series(vm.lossSeries(), "validation −ELBO").getData()).hasSize(3);
    }

    @Test
    void theLogAxisLeavesOutValuesAtOrBelowZeroAndLinearBringsThemBack() {
        // A Gaussian likelihood's reconstruction term can be negative: no automatic log axis then.
        TrainingViewModel vm = open(new Harness(dir), twoEpochs(-20.0));
        assertThat(vm.logScaleProperty().get()).isFalse();
        assertThat(vm.hiddenProperty().get()).isEmpty();
        vm.logScaleProperty().set(true);
        assertThat(series(vm.termSeries(), "train recon").getData()).hasSize(1);
        assertThat(vm.hiddenProperty().get()).startsWith("1 value ≤ 0 cannot be drawn on the log axis");
        vm.logScaleProperty().set(false);
        assertThat(ys(series(vm.termSeries(), "train recon"))).containsExactly(-20.0, 187.0);
        assertThat(vm.hiddenProperty().get()).isEmpty();
    }

    @Test
    void csvHasOneRowPerEpochAndSplitWithEveryTerm() throws Exception {
        Harness h = new Harness(dir);
        TrainingViewModel vm = open(h, twoEpochs(242.0));
        Path csv = dir.resolve("out").resolve("curves.csv");
        vm.exportCsv(csv);
        assertThat(Files.readString(csv)).isEqualTo("""
                epoch,split,loss,recon,kl
                1,train,243.5,242.0,1.5
                1,validation,205.25,204.0,1.25
                2,train,190.0,187.0,3.0
                2,validation,188.5,186.0,2.5
                """);
        assertThat(h.session.statusProperty().get()).isEqualTo("Wrote " + csv);
    }

    @Test
    void csvLeavesOutTheValidationRowsOfARunWithoutValidationAndKeepsTermsOfLaterEpochs() {
        EpochStats first = new EpochStats(0, 10.0, Map.of("recon", 9.0), Double.NaN, Map.of(), 1, 1);
        EpochStats second = new EpochStats(1, 8.0, terms(7.0, 1.0), Double.NaN, Map.of(), 1, 1);
        assertThat(HistoryCsv.of(List.of(first, second))).isEqualTo("""
                epoch,split,loss,recon,kl
                1,train,10.0,9.0,
                2,train,8.0,7.0,1.0
                """);
    }

    @Test
    void logAxisLabelsShowTheValuesOfTheirDecades() {
        assertThat(LogAxis.label(-1)).isEqualTo("0.1");
        assertThat(LogAxis.label(0)).isEqualTo("1");
        assertThat(LogAxis.label(2)).isEqualTo("100");
        assertThat(LogAxis.label(4)).isEqualTo("10,000");
        assertThat(LogAxis.label(7)).isEqualTo("1e7");
        assertThat(LogAxis.label(Math.log10(3))).isEqualTo("3.00");
    }
}
