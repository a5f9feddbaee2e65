package org.latentexplorer.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.model.TrainingHistory;
import org.latentexplorer.ui.fakes.ClusterServices;
import org.latentexplorer.ui.fakes.FakeClusterModel;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.RecordingErrors;
import org.latentexplorer.ui.library.LibraryViewModel;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.shell.Workspace;
import org.latentexplorer.ui.tasks.DirectTaskExecutor;

class ClustersViewModelTest {
    @TempDir
    Path dir;

    private final ClusterServices services = new ClusterServices();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final Session session = new Session();
    private final RecordingErrors errors = new RecordingErrors();

    /** A fake model on the synthetic blobs; with {@code gmvae} it has ten clusters of its own. */
    private ClustersViewModel open(boolean gmvae) {
        if (gmvae) {
            services.ownClusters = new FakeClusterModel(10, "gmvae");
        }
        LibraryViewModel library = new LibraryViewModel(services, executor, session, errors,
                new SettingsStore(dir.resolve("config")));
        library.openModel(FakeServices.writeBundle(dir.resolve("model.lexb"), 2));
        ClustersViewModel vm = new ClustersViewModel(services, executor, session, errors);
        vm.setActive(true);
        return vm;
    }

    @Test
    void openingAnotherModelPutsTheTemperatureBackToOne() {
        ClustersViewModel vm = open(false);
        vm.temperatureProperty().set(0.4);
        LibraryViewModel library = new LibraryViewModel(services, executor, session, errors,
                new SettingsStore(dir.resolve("config")));

        library.openModel(FakeServices.writeBundle(dir.resolve("other.lexb"), 5));

        assertThat(vm.temperatureProperty().get()).isEqualTo(ClustersViewModel.DEFAULT_TEMPERATURE).isEqualTo(1.0);
    }

    @Test
    void galleryShowsEveryClusterWithItsCentreSamplesSizeAndPurity() {
        ClustersViewModel vm = open(true);
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.READY);
        assertThat(vm.rows()).hasSize(10);
        ClusterRow r = vm.rows().get(0);
        assertThat(r.centre()).hasSize(784);
        assertThat(r.samples()).hasSize(Gallery.SAMPLES);
        assertThat(vm.rows().stream().mapToInt(ClusterRow::size).sum()).isEqualTo(500);
        assertThat(r.purity()).isGreaterThan(0.9);
        assertThat(r.majority()).isEqualTo("zero");
        assertThat(vm.summaryProperty().get()).contains("10 clusters").contains("gmvae").contains("purity");
        assertThat(errors.messages).isEmpty();
    }

    @Test
    void selectingAClusterFillsTheGridWithTenByTenSamples() {
        ClustersViewModel vm = open(true);
        assertThat(vm.gridProperty().get()).isNull();
        vm.select(List.of(3));
        SampleGrid g = vm.gridProperty().get();
        assertThat(g.images()).hasSize(100);
        assertThat(g.cols()).isEqualTo(10);
        assertThat(g.width()).isEqualTo(10 * 29 - 1);
        assertThat(g.caption()).contains("cluster 3");
        vm.toggle(5);
        assertThat(vm.selection()).containsExactly(3, 5);
        assertThat(vm.gridProperty().get().caption()).contains("2 clusters");
    }

    @Test
    void reseedingChangesTheGridAndTemperatureZeroGivesTheCentre() {
        ClustersViewModel vm = open(true);
        vm.select(List.of(1));
        int[] first = vm.gridProperty().get().argb();
        vm.reseed();
        assertThat(vm.gridProperty().get().argb()).isNotEqualTo(first);
        vm.temperatureProperty().set(0);
        List<float[]> images = vm.gridProperty().get().images();
        assertThat(images.get(7)).isEqualTo(images.get(0));
    }

    @Test
    void clustersAreDecodedAheadSoThatAClickNeedsNoModelCallAndShowsTheSameGrid() {
        ClustersViewModel vm = open(true);
        FakeClusterModel fake = (FakeClusterModel) services.ownClusters;
        int before = fake.sampleCalls;
        vm.select(List.of(3, 5));
        assertThat(fake.sampleCalls).isEqualTo(before);
        List<float[]> ahead = vm.gridProperty().get().images();
        assertThat(ahead).hasSize(100);
        vm.temperatureProperty().set(0.5);
        assertThat(fake.sampleCalls).isGreaterThan(before);

        // Keeping nothing, every click asks the model, and the grid is the same.
        vm.setKeepSamples(false);
        vm.temperatureProperty().set(1.0);
        int calls = fake.sampleCalls;
        vm.select(List.of(5));
        assertThat(fake.sampleCalls).isGreaterThan(calls);
        vm.select(List.of(3, 5));
        assertThat(vm.gridProperty().get().images()).containsExactlyElementsOf(ahead);
        vm.select(List.of(5));
        vm.select(List.of(3, 5));
        assertThat(fake.sampleCalls).isEqualTo(calls + 6);
    }

    /**
     * Issue 21: a new temperature (or seed) empties what is kept, and every selected cluster was then
     * decoded from draws that hold one cluster's grid: with two selected they were asked for 200 samples
     * of 100, and the grid kept the old temperature's samples.
     */
    @Test
    void aNewTemperatureWithSeveralClustersSelectedGivesFreshSamplesOfEach() {
        ClustersViewModel vm = open(true);
        List<float[]> centres = List.of(services.ownClusters.centres());
        for (List<Integer> selection : List.of(List.of(3, 5), List.of(0, 4, 7), List.of(1, 2, 6, 8, 9))) {
            vm.select(selection);
            for (double t : new double[]{0.5, 1.7, 0.0}) {
                vm.temperatureProperty().set(t);
                SampleGrid kept = vm.gridProperty().get();
                assertThat(errors.messages).isEmpty();
                assertThat(kept.caption()).contains(selection.size() + " clusters")
                        .contains(String.format(java.util.Locale.ROOT, "T = %.2f", t));
                // The same grid decoded in one call with nothing kept: the kept one is whole and fresh.
                vm.setKeepSamples(false);
                vm.select(List.of());
                vm.select(selection);
                assertThat(vm.gridProperty().get().images()).containsExactlyElementsOf(kept.images());
                vm.setKeepSamples(true);
            }
            // At T = 0 every sample is its cluster's centre: the clusters take turns, the first first.
            List<float[]> images = vm.gridProperty().get().images();
            assertThat(images).hasSize(100);
            assertThat(images.get(0)).isEqualTo(centres.get(selection.get(0)));
            assertThat(images.get(99)).isEqualTo(centres.get(selection.getLast()));
            vm.temperatureProperty().set(1.0);
        }
        vm.reseed();
        assertThat(errors.messages).isEmpty();
    }

    @Test
    void renamingRefusesEmptyAndDuplicateNamesAndSavesTheRest() {
        ClustersViewModel vm = open(true);
        assertThat(vm.rename(2, "  ")).isFalse();
        assertThat(vm.messageProperty().get()).contains("cannot be empty");
        assertThat(vm.rename(2, "cluster 4")).isFalse();
        assertThat(vm.messageProperty().get()).contains("already the name of cluster 4");
        assertThat(vm.rename(2, " two ")).isTrue();
        assertThat(vm.rows().get(2).name()).isEqualTo("two");
        assertThat(vm.rename(3, "TWO")).isFalse();
        assertThat(services.saved.values()).containsExactly(Map.of(2, "two"));
        vm.load();
        assertThat(vm.rows().get(2).name()).isEqualTo("two");
    }

    @Test
    void plainVaeExplainsAndFitsKMeansOnRequest() {
        ClustersViewModel vm = open(false);
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.NO_CLUSTERS);
        assertThat(vm.summaryProperty().get()).contains("no clusters");
        vm.fitKProperty().set(6);
        vm.fitClusters();
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.READY);
        assertThat(vm.rows()).hasSize(6);
        vm.select(List.of(0));
        assertThat(vm.gridProperty().get().images()).hasSize(100);
        assertThat(vm.rename(0, "left")).isTrue();
        // Fitted clusters' names are kept as how they were fitted, not as a GMVAE's own names.
        assertThat(services.saved).isEmpty();
        assertThat(services.fitted.values()).singleElement().satisfies(f -> {
            assertThat(f.k()).isEqualTo(6);
            assertThat(f.names()).containsExactly(Map.entry(0, "left"));
        });
    }

    @Test
    void aGaussianMixtureCanBeFittedAndItsNamedClustersComeBackOnReopening() {
        ClustersViewModel vm = open(false);
        vm.fitMethodProperty().set(org.latentexplorer.sample.FittedMixture.Method.GMM);
        vm.fitKProperty().set(4);
        vm.fitClusters();
        assertThat(services.lastMethod).isEqualTo(org.latentexplorer.sample.FittedMixture.Method.GMM);
        assertThat(vm.summaryProperty().get()).contains("Gaussian mixture");
        assertThat(vm.rename(3, "wide")).isTrue();
        int fits = services.fits;
        vm.load(); // as when the model is opened again
        assertThat(services.fits).isEqualTo(fits + 1);
        assertThat(vm.stateProperty().get()).isEqualTo(ClustersViewModel.State.READY);
        assertThat(vm.rows()).hasSize(4);
        assertThat(vm.rows().get(3).name()).isEqualTo("wide");
    }

    @Test
    void fixWVaryTheClusterPutsOneClusterPerColumn() {
        ClustersViewModel vm = open(true);
        vm.modeProperty().set(ClustersViewModel.Mode.FIX_W_VARY_Y);
        SampleGrid g = vm.gridProperty().get();
        assertThat(g.cols()).isEqualTo(10);
        assertThat(g.images()).hasSize(100);
        assertThat(g.columnClusters()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void fixWVaryTheClusterHeadsEachColumnWithItsClustersNameOrIndexAndFollowsRenames() throws Exception {
        ClustersViewModel vm = open(true);
        vm.select(List.of(1));
        assertThat(vm.columnHeaders()).isEmpty();
        vm.modeProperty().set(ClustersViewModel.Mode.FIX_W_VARY_Y);
        assertThat(vm.columnHeaders()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(vm.rename(2, "loops")).isTrue();
        assertThat(vm.columnHeaders()).containsExactly("0", "1", "loops", "3", "4", "5", "6", "7", "8", "9");

        // The PNG has the headers in a band above the tiles, which are doubled so that a short name fits.
        vm.exportPng(dir.resolve("headed.png"));
        var headed = javax.imageio.ImageIO.read(dir.resolve("headed.png").toFile());
        SampleGrid g = vm.gridProperty().get();
        int plainWidth = g.width() + 2, plainHeight = g.height() + 2; // the export's one-pixel border
        assertThat(headed.getWidth()).isEqualTo(2 * plainWidth);
        assertThat(headed.getHeight()).isGreaterThan(2 * plainHeight);
        int band = headed.getHeight() - 2 * plainHeight;
        int columnWidth = 2 * 29;
        // Some ink in the band over each column (the header), none between the band and the tiles' border.
        for (int c = 0; c < 10; c++) {
            assertThat(inkIn(headed, c * columnWidth + 2, 0, columnWidth - 2, band - 1)).as("header of column " + c).isPositive();
        }
        assertThat(inkIn(headed, 0, band - 1, headed.getWidth(), 1)).isZero();

        vm.modeProperty().set(ClustersViewModel.Mode.SAMPLES);
        assertThat(vm.columnHeaders()).isEmpty();
        vm.exportPng(dir.resolve("plain.png"));
        var plain = javax.imageio.ImageIO.read(dir.resolve("plain.png").toFile());
        assertThat(plain.getWidth()).isEqualTo(plainWidth);
        assertThat(errors.messages).isEmpty();
    }

    /** Pixels darker than white in a rectangle of {@code img}. */
    private static int inkIn(java.awt.image.BufferedImage img, int x0, int y0, int w, int h) {
        int ink = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                ink += (img.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 0 : 1;
            }
        }
        return ink;
    }

    @Test
    void exportsTheTableAsCsvAndTheGridAsPng() throws Exception {
        ClustersViewModel vm = open(true);
        vm.rename(1, "one, or seven");
        vm.exportCsv(dir.resolve("c.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("c.csv"));
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("cluster,name,size,purity,majority");
        assertThat(lines.get(2)).matches("1,\"one, or seven\",\\d+,[01]\\.\\d{4},one");
        vm.select(List.of(0));
        vm.exportPng(dir.resolve("g.png"));
        var img = javax.imageio.ImageIO.read(dir.resolve("g.png").toFile());
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(280);
    }

    @Test
    void clusterNamesSurviveSavingAndReopeningARealGmvaeBundle() throws Exception {
        Path file = dir.resolve("tiny-gmvae.lexb");
        var config = SameDiffGmvae.config(ImageShape.grey(6, 6), 3, 2, 4, List.of(8), Likelihood.BERNOULLI);
        try (ModelBundle b = new ModelBundle(Models.create(config, 1), TrainingHistory.empty(), Map.of(), Map.of())) {
            b.save(file);
        }
        DefaultCoreServices real = new DefaultCoreServices(file);
        ModelHandle h = real.openModel(file);
        ClustersViewModel vm = new ClustersViewModel(real, executor, session, errors);
        session.workspaceProperty().set(new Workspace(h, null, new float[0][]));
        vm.setActive(true);
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.rename(1, "loops")).isTrue();
        assertThat(errors.messages).isEmpty();
        h.close();

        ModelHandle again = real.openModel(file);
        session.workspaceProperty().set(new Workspace(again, null, new float[0][]));
        assertThat(vm.rows().get(1).name()).isEqualTo("loops");
        assertThat(vm.rows().get(0).name()).isEqualTo("cluster 0");
        vm.select(List.of(1));
        assertThat(vm.gridProperty().get().images()).hasSize(100);
        again.close();
    }
}
