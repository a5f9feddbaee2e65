package org.latentexplorer.ui.fakes;

import java.nio.file.Path;
import org.latentexplorer.ui.library.LibraryViewModel;
import org.latentexplorer.ui.shell.Session;
import org.latentexplorer.ui.shell.SettingsStore;
import org.latentexplorer.ui.tasks.DirectTaskExecutor;

/** A session with fake services and a direct executor: ViewModels without a screen. */
public final class Harness {
    public final FakeServices services = new FakeServices();
    public final DirectTaskExecutor executor = new DirectTaskExecutor();
    public final Session session = new Session();
    public final RecordingErrors errors = new RecordingErrors();
    public final SettingsStore store;
    public final LibraryViewModel library;
    public final Path dir;

    public Harness(Path dir) {
        this.dir = dir;
        this.store = new SettingsStore(dir.resolve("config"));
        this.library = new LibraryViewModel(services, executor, session, errors, store);
    }

    /** Opens a real, untrained VAEAC with latent dimension d on the synthetic data. */
    public Harness withVaeac(int d) {
        library.openModel(FakeServices.writeVaeacBundle(dir.resolve("vaeac-d" + d + ".lexb"), d));
        return this;
    }

    /** Opens a fake model with latent dimension d on the synthetic data. */
    public Harness withModel(int d) {
        library.openModel(FakeServices.writeBundle(dir.resolve("model-d" + d + ".lexb"), d));
        return this;
    }
}
