package org.latentexplorer.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.InputException;
import org.latentexplorer.ui.clusters.ClustersViewModel;
import org.latentexplorer.ui.fakes.ClusterServices;
import org.latentexplorer.ui.fakes.FakeClusterModel;
import org.latentexplorer.ui.fakes.FakeServices;
import org.latentexplorer.ui.fakes.Harness;
import org.latentexplorer.ui.fakes.RecordingErrors;
import org.latentexplorer.ui.library.LibraryViewModel;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.tasks.DirectTaskExecutor;

/** What a selection on the map leads to, without a screen: histograms, invert, isolate, clear, exports. */
class SelectionViewModelTest {
    @TempDir
    Path dir;

    private record Screen(Harness h, MapViewModel map, SelectionViewModel selection) {
    }

    private Screen open(int d) {
        Harness h = new Harness(dir).withModel(d);
        MapViewModel map = new MapViewModel(h.services, h.executor, h.session, h.errors);
        return new Screen(h, map, new SelectionViewModel(map, h.executor, h.session, h.errors));
    }

    @Test
    void countAndLabelHistogramFollowTheSelection() {
        Screen s = open(2);
        assertThat(s.selection().countProperty().get()).isZero();
        assertThat(s.selection().summaryProperty().get()).isEqualTo("Nothing selected");
        s.h().session.select(3, 13, 23, 4, 7);
        assertThat(s.selection().countProperty().get()).isEqualTo(5);
        assertThat(s.selection().summaryProperty().get()).isEqualTo("5 selected");
        assertThat(s.selection().labelBars()).extracting(SelectionViewModel.Bar::name, SelectionViewModel.Bar::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("three", 3), org.assertj.core.groups.Tuple.tuple("four", 1),
                        org.assertj.core.groups.Tuple.tuple("seven", 1));
        // No clusters are known while the map is coloured by label and was never coloured by cluster.
        assertThat(s.selection().clusterBars()).isEmpty();
        assertThat(s.selection().shownProperty().get()).containsExactly(3, 13, 23, 4, 7);
    }

    @Test
    void clearLeavesNothingSelected() {
        Screen s = open(2);
        s.map().find("three");
        assertThat(s.selection().countProperty().get()).isEqualTo(50);
        s.selection().clear();
        assertThat(s.h().session.selection()).isEmpty();
        assertThat(s.selection().labelBars()).isEmpty();
        // A click on no point does the same (the view sends Esc there too).
        s.map().find("three");
        s.map().click(-1, false);
        assertThat(s.h().session.selection()).isEmpty();
    }

    @Test
    void invertSelectsTheOtherShownPoints() {
        Screen s = open(2);
        s.map().setShown(3, false); // the threes are hidden by the legend
        s.h().session.select(0, 1, 2);
        s.selection().invert();
        int[] sel = s.h().session.selection();
        assertThat(sel).hasSize(500 - 50 - 3).doesNotContain(0, 1, 2, 13);
        assertThat(sel).contains(4, 499);
    }

    @Test
    void isolateShowsOnlyTheSelectionAndShowAllBringsTheRestBack() {
        Screen s = open(2);
        s.h().session.select(5, 6);
        s.selection().isolate();
        assertThat(s.map().isolatedProperty().get()).isTrue();
        boolean[] v = s.map().visibility();
        assertThat(IntStream.range(0, 500).filter(i -> v[i]).toArray()).containsExactly(5, 6);
        // A box over everything picks only what is shown.
        s.map().selectInside(new double[] {-100, 100, 100, -100}, new double[] {-100, -100, 100, 100});
        assertThat(s.h().session.selection()).containsExactly(5, 6);
        // Inverting an isolated map shows every point again first.
        s.selection().invert();
        assertThat(s.map().isolatedProperty().get()).isFalse();
        assertThat(s.h().session.selection()).hasSize(498);
        s.h().session.select(9);
        s.selection().isolate();
        s.selection().showAll();
        assertThat(s.map().visibility()).isNull();
        assertThatThrownBy(() -> {
            s.h().session.select();
            s.selection().isolate();
        }).isInstanceOf(InputException.class);
    }

    @Test
    void layingTheSelectionOutAloneProjectsOnlyItsCodes() {
        Screen s = open(5);
        s.map().find("three");
        int[] threes = s.h().session.selection().clone();
        Projection all = s.map().projectionProperty().get();
        s.selection().reprojectAlone();
        assertThat(s.h().services.lastSpec.method()).isEqualTo("PCA");
        Projection p = s.map().projectionProperty().get();
        assertThat(p.size()).isEqualTo(500);
        assertThat(s.map().projectionInfoProperty().get()).contains("of 50 selected points alone");
        // The layout is the selection's own PCA: only its points have a place, only they are shown.
        Projection alone = org.latentexplorer.ui.services.Pca.project(IntStream.of(threes)
                .mapToObj(i -> s.h().session.workspace().codes()[i]).toArray(float[][]::new));
        assertThat(p.x()[threes[0]]).isEqualTo(alone.x()[0]);
        assertThat(Float.isNaN(p.x()[0])).isTrue();
        assertThat(IntStream.range(0, 500).filter(i -> s.map().visibility()[i]).toArray()).containsExactly(threes);
        s.selection().showAll();
        // The layout of every point shown before comes back, without computing it again.
        assertThat(s.map().projectionProperty().get()).isSameAs(all);
        assertThat(s.map().projectionInfoProperty().get()).doesNotContain("alone");
        assertThat(s.map().visibility()).isNull();

        // With another method picked meanwhile, Show all lays every point out with it.
        s.h().session.select(threes);
        s.selection().reprojectAlone();
        s.map().methodProperty().set("t-SNE");
        s.map().reproject();
        assertThat(s.map().projectionInfoProperty().get()).startsWith("t-SNE").contains("of 50 selected points alone");
        s.selection().showAll();
        assertThat(s.map().projectionProperty().get().method()).isEqualTo("t-SNE");
        assertThat(s.map().projectionProperty().get().x()[0]).isFinite();
    }

    @Test
    void selectionCsvHasOneRowPerSelectedPointWithLayoutAndCode() throws Exception {
        Screen s = open(3);
        s.h().session.select(13, 2);
        Path csv = dir.resolve("selection.csv");
        s.selection().exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("index,label,x,y,z1,z2,z3");
        Projection p = s.map().projectionProperty().get();
        float[] z = s.h().session.workspace().codes()[13];
        assertThat(lines.get(1)).isEqualTo("13,three," + p.x()[13] + "," + p.y()[13] + "," + z[0] + "," + z[1] + "," + z[2]);
        assertThat(lines.get(2)).startsWith("2,two,");
    }

    @Test
    void galleryPngTilesTheSelectedImages() throws Exception {
        Screen s = open(2);
        s.map().find("three");
        Path png = dir.resolve("gallery.png");
        s.selection().exportGallery(png);
        var img = javax.imageio.ImageIO.read(png.toFile());
        // 50 images: 8 columns of 28-pixel tiles with a 1-pixel gap, 7 rows.
        assertThat(img.getWidth()).isEqualTo(8 * 29 + 1);
        assertThat(img.getHeight()).isEqualTo(7 * 29 + 1);
        assertThat(s.h().session.statusProperty().get()).contains("gallery.png");
    }

    // ---- with clusters: a "GMVAE" whose ten clusters the map colours by ---------------------------------

    private final ClusterServices services = new ClusterServices();
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final Session session = new Session();
    private final RecordingErrors errors = new RecordingErrors();

    private Screen openWithClusters() {
        services.ownClusters = new FakeClusterModel(10, "gmvae");
        MapViewModel map = new MapViewModel(services, executor, session, errors);
        new ClustersViewModel(services, executor, session, errors);
        SelectionViewModel selection = new SelectionViewModel(map, executor, session, errors);
        new LibraryViewModel(services, executor, session, errors, new SettingsStore(dir.resolve("config")))
                .openModel(FakeServices.writeBundle(dir.resolve("gmvae.lexb"), 2));
        return new Screen(null, map, selection);
    }

    @Test
    void clusterHistogramAndCsvClusterColumnOnceTheClustersAreKnown() throws Exception {
        Screen s = openWithClusters();
        session.select(0, 1, 2, 3);
        assertThat(s.selection().clusterBars()).isEmpty();
        s.map().colouringProperty().set(MapViewModel.Colouring.CLUSTER);
        int[] c = s.map().pointClusters();
        assertThat(c).hasSize(500);
        int total = s.selection().clusterBars().stream().mapToInt(SelectionViewModel.Bar::count).sum();
        assertThat(total).isEqualTo(4);
        SelectionViewModel.Bar first = s.selection().clusterBars().getFirst();
        assertThat(first.count()).isEqualTo((int) IntStream.of(0, 1, 2, 3).filter(i -> c[i] == first.index()).count());
        assertThat(first.name()).isEqualTo("cluster " + first.index());
        // Colouring by label again keeps what is known of the clusters.
        s.map().colouringProperty().set(MapViewModel.Colouring.LABEL);
        assertThat(s.selection().clusterBars()).isNotEmpty();

        Path csv = dir.resolve("clusters.csv");
        s.selection().exportCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("index,label,cluster,x,y,z1,z2");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).startsWith("1,one," + c[1] + ",");
        // The whole map's export has the column too.
        s.map().exportCsv(dir.resolve("all.csv"));
        List<String> all = Files.readAllLines(dir.resolve("all.csv"));
        assertThat(all).hasSize(501);
        assertThat(all.get(500)).startsWith("499,nine," + c[499] + ",");
        assertThat(errors.messages).isEmpty();
    }
}
