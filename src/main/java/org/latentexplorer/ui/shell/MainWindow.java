package org.latentexplorer.ui.shell;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.latentexplorer.ui.clusters.ClustersView;
import org.latentexplorer.ui.clusters.ClustersViewModel;
import org.latentexplorer.ui.inpaint.InpaintView;
import org.latentexplorer.ui.inpaint.InpaintViewModel;
import org.latentexplorer.ui.library.LibraryView;
import org.latentexplorer.ui.library.LibraryViewModel;
import org.latentexplorer.ui.manifold.ManifoldView;
import org.latentexplorer.ui.manifold.ManifoldViewModel;
import org.latentexplorer.ui.map.AttributeViewModel;
import org.latentexplorer.ui.map.MapDrawer;
import org.latentexplorer.ui.map.MapView;
import org.latentexplorer.ui.map.MapViewModel;
import org.latentexplorer.ui.map.NeighboursViewModel;
import org.latentexplorer.ui.map.SelectionViewModel;
import org.latentexplorer.ui.model.ModelView;
import org.latentexplorer.ui.model.ModelViewModel;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.tasks.TaskExecutor;
import org.latentexplorer.ui.training.TrainDialog;
import org.latentexplorer.ui.training.TrainFormViewModel;
import org.latentexplorer.ui.training.TrainingView;
import org.latentexplorer.ui.training.TrainingViewModel;

/** Builds the explorer window: the menus on top, library on the left, the screens in tabs, the status bar below. */
public final class MainWindow {
    private final Stage stage;
    private final Session session = new Session();
    private final LibraryViewModel library;
    private final MapViewModel map;
    private final SelectionViewModel mapSelection;
    private final NeighboursViewModel mapNeighbours;
    private final AttributeViewModel mapAttributes;
    private final ManifoldViewModel manifold;
    private final TrainingViewModel training;
    private final InpaintViewModel inpaint;
    private final ClustersViewModel clusters;
    private final ModelViewModel modelScreen;
    private final ClustersView clustersView;
    private final MapView mapView;
    private final ManifoldView manifoldView;
    private final TabPane tabs = new TabPane();
    private final Tab trainingTab;
    private final TaskExecutor executor;
    private final AppMenus menus;
    private final CoreServices services;
    private final FileDialogs files;
    private TrainFormViewModel trainForm;

    public MainWindow(Stage stage, CoreServices services, TaskExecutor executor, SettingsStore store,
                      FileDialogs dialogs) {
        this.stage = stage;
        this.executor = executor;
        this.services = services;
        ErrorReporter errors = new FxErrorReporter(() -> stage);
        files = dialogs != null ? dialogs : new FxFileDialogs(() -> stage);
        library = new LibraryViewModel(services, executor, session, errors, store);
        Settings settings = library.settings();
        map = new MapViewModel(services, executor, session, errors);
        if (map.methods().contains(settings.projection())) {
            map.methodProperty().set(settings.projection());
        }
        manifold = new ManifoldViewModel(executor, session, errors);
        manifold.gridSizeProperty().set(settings.gridSize());
        training = new TrainingViewModel(services, executor, session, errors, library);
        inpaint = new InpaintViewModel(services, executor, session, errors);

        mapSelection = new SelectionViewModel(map, executor, session, errors);
        mapNeighbours = new NeighboursViewModel(map, executor, session, errors);
        mapAttributes = new AttributeViewModel(map, executor, session, errors);
        mapView = new MapView(map, new MapDrawer(mapSelection, mapNeighbours, mapAttributes, errors, files), errors,
                files);
        manifoldView = new ManifoldView(manifold, files);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("screens");
        trainingTab = shownWhenSelected("Training", new TrainingView(training, files));
        clusters = new ClustersViewModel(services, executor, session, errors);
        clustersView = new ClustersView(clusters, files);
        Tab clustersTab = shownWhenSelected("Clusters", clustersView);
        // The gallery decodes and assigns the data set: only when someone looks at it.
        clustersTab.selectedProperty().addListener((o, was, now) -> clusters.setActive(now));
        modelScreen = new ModelViewModel(services, executor, session, errors);
        Tab modelTab = shownWhenSelected("Model", new ModelView(modelScreen, files));
        modelTab.selectedProperty().addListener((o, was, now) -> modelScreen.setActive(now));
        tabs.getTabs().addAll(new Tab("Latent map", mapView), shownWhenSelected("Manifold", manifoldView),
                shownWhenSelected("Inpaint", new InpaintView(inpaint, files)), clustersTab, trainingTab,
                modelTab);

        BorderPane root = new BorderPane();
        LibraryView libraryView = new LibraryView(library, session, files, this::showTrainDialog);
        menus = new AppMenus(stage, tabs, libraryView, library);
        root.setTop(menus.bar());
        root.setLeft(libraryView);
        root.setCenter(tabs);
        root.setBottom(new StatusBar(executor.monitor(), session));
        Scene scene = new Scene(root, settings.width(), settings.height());
        stage.setScene(scene);
        stage.titleProperty().bind(session.workspaceProperty().map(w -> "Latent Explorer — " + w.model().name())
                .orElse("Latent Explorer"));
        stage.setOnHidden(e -> close());
        mapView.setOnFirstDraw(() -> {
            long now = System.currentTimeMillis();
            double s = (now - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
            String line = String.format(Locale.ROOT, "Latent map drawn %.2f s after the program started", s);
            org.latentexplorer.common.StartupClock.mark("map drawn");
            // The wall clock too, so bench/startup.sh can time from the launcher's start (script or app image).
            System.out.println("[startup] " + line + " (clock " + now + " ms)");
            System.out.println("[startup] steps: " + org.latentexplorer.common.StartupClock.summary());
            session.statusProperty().set(session.statusProperty().get() + " · " + line);
        });
    }

    /**
     * A tab whose screen joins the scene when the tab is first selected. The screen is built (and follows
     * its model) from the start; only styling and laying out the hidden screens waits, which took about
     * half of the start-up's scene set-up (issue 20 item 8). {@link AppMenus#screenOf} finds it meanwhile.
     */
    private static Tab shownWhenSelected(String title, Node screen) {
        Tab tab = new Tab(title);
        tab.setUserData(screen);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && tab.getContent() == null) {
                tab.setContent(screen);
            }
        });
        return tab;
    }

    /** Shows the window and opens the last (or the default) model. */
    public void show() {
        // The model is read on a worker while the window lays itself out and appears (about a second each).
        library.openInitial();
        org.latentexplorer.common.StartupClock.mark("screens built");
        stage.show();
        org.latentexplorer.common.StartupClock.mark("window shown");
    }

    /**
     * The Train dialog. Its form is kept for the session: a run that fails brings the dialog back with
     * what was typed and the reason, and the next run starts from the last one's options.
     */
    public void showTrainDialog() {
        if (trainForm == null) {
            String data = session.workspace() == null ? "mnist" : session.workspace().model().config().datasetId();
            trainForm = new TrainFormViewModel(data, services.modelsFolder());
        }
        TrainFormViewModel form = trainForm;
        new TrainDialog(stage, form, files).showAndWait().ifPresent(request -> {
            form.submitted();
            tabs.getSelectionModel().select(trainingTab);
            training.start(request, form::succeeded, message -> {
                form.failed(message);
                // After the failing task has finished reporting: the dialog is modal.
                Platform.runLater(this::showTrainDialog);
            });
        });
    }

    private void close() {
        library.updateSettings(library.settings().withGridSize(manifold.gridSizeProperty().get())
                .withProjection(map.methodProperty().get()).withWindow(stage.getWidth(), stage.getHeight()));
        executor.shutdown();
        inpaint.dispose();
        if (session.workspace() != null) {
            session.workspace().model().close();
        }
    }

    public Session session() {
        return session;
    }

    public LibraryViewModel library() {
        return library;
    }

    public MapView mapView() {
        return mapView;
    }

    public ManifoldView manifoldView() {
        return manifoldView;
    }

    public MapViewModel mapViewModel() {
        return map;
    }

    public SelectionViewModel mapSelection() {
        return mapSelection;
    }

    public NeighboursViewModel mapNeighbours() {
        return mapNeighbours;
    }

    public AttributeViewModel mapAttributes() {
        return mapAttributes;
    }

    public ManifoldViewModel manifoldViewModel() {
        return manifold;
    }

    public InpaintViewModel inpaintViewModel() {
        return inpaint;
    }

    public TrainingViewModel trainingViewModel() {
        return training;
    }

    public ClustersViewModel clustersViewModel() {
        return clusters;
    }

    public ModelViewModel modelViewModel() {
        return modelScreen;
    }

    public ClustersView clustersView() {
        return clustersView;
    }

    public TabPane tabs() {
        return tabs;
    }

    public AppMenus menus() {
        return menus;
    }
}
