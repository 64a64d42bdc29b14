package io.lineside.app;

import io.lineside.layout.Layout;
import io.lineside.config.ConfigException;
import io.lineside.layout.LayoutLoader;
import io.lineside.security.ActionRefusedException;
import io.lineside.security.Permission;
import io.lineside.security.SecuredActions;
import io.lineside.ui.layout.LayoutActions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The workstation's layout: the configured file ({@code station.layout}), or the demo plant's when none is
 * configured. Keeps the last good layout; a reload that fails (permission, audit, or a bad file) leaves it in place
 * and reports the precise reason. Reloads are an engineer's action: permission-checked and audited through
 * {@link SecuredActions} (action {@value #RELOAD}). Layouts feed only the floor plan; alarms, history and the tag
 * store never depend on them, so a reload cannot lose any.
 *
 * <p>Safe from any thread; file reads run on the {@code io} executor, never on the caller's.
 */
public final class LayoutRepository implements LayoutActions {

    /** The audit action name of a reload (stored text: never rename). */
    public static final String RELOAD = "layout.reload";

    private static final System.Logger LOG = System.getLogger(LayoutRepository.class.getName());

    private final Optional<Path> configured;
    private final LayoutLoader loader;
    private final SecuredActions secured;
    private final Executor io;
    private final AtomicReference<Layout> current = new AtomicReference<>();

    /**
     * @param configured the layout file of the station profile, or empty for the demo layout
     * @param io         where files are read (a background executor in the app)
     */
    public LayoutRepository(Optional<Path> configured, LayoutLoader loader, SecuredActions secured, Executor io) {
        this.configured = configured;
        this.loader = loader;
        this.secured = secured;
        this.io = io;
    }

    /**
     * Loads the layout at start (no permission needed: nothing is changed). Blocking file I/O.
     *
     * @return the layout, or the precise reason there is none (then the floor plan shows only that message)
     */
    public Outcome start() {
        try {
            Layout layout = configured.isPresent() ? loader.load(configured.get()) : loader.loadDemo();
            current.set(layout);
            return Outcome.loaded(layout);
        } catch (ConfigException e) {
            return refused("layout not loaded at start", e);
        }
    }

    /** The last good layout, if any loaded. */
    public Optional<Layout> current() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public CompletableFuture<Outcome> reload() {
        return CompletableFuture.supplyAsync(this::reloadNow, io);
    }

    private Outcome reloadNow() {
        if (configured.isEmpty()) {
            return Outcome.refused("No layout file is configured (station.layout): the demo layout is built in.");
        }
        Path file = configured.get();
        Layout before = current.get();
        SecuredActions.Command command = new SecuredActions.Command(Permission.EDIT_LAYOUT, RELOAD, file.toString(),
                before == null ? null : before.name(), null, null);
        try {
            Layout layout = secured.run(command, () -> loader.load(file));
            current.set(layout);
            return Outcome.loaded(layout);
        } catch (ActionRefusedException | ConfigException e) {
            return refused("layout reload refused; the previous layout stays", e);
        }
    }

    /** The whole reason goes to the log too: the floor plan shows it, but an engineer may read it later. */
    private static Outcome refused(String what, Exception e) {
        LOG.log(System.Logger.Level.WARNING, what + ": {0}", e.getMessage());
        return Outcome.refused(e.getMessage());
    }
}
