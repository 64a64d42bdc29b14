package io.lineside.app;

import io.lineside.layout.Layout;
import io.lineside.config.ConfigException;
import io.lineside.layout.LayoutLoader;
import io.lineside.layout.edit.LayoutWriter;
import io.lineside.config.ConfigFiles;
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

    /** The audit action name of a save from the layout editor (stored text: never rename). */
    public static final String SAVE = "layout.save";

    private final Optional<Path> configured;
    /** Where the demo's edits are saved and read back from at the next demo start (decision 0031). */
    private final Optional<Path> demoEdits;
    private final java.util.List<java.util.function.Consumer<Layout>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final LayoutLoader loader;
    private final SecuredActions secured;
    private final Executor io;
    private final AtomicReference<Layout> current = new AtomicReference<>();

    /**
     * @param configured the layout file of the station profile, or empty for the demo layout
     * @param io         where files are read (a background executor in the app)
     */
    public LayoutRepository(Optional<Path> configured, LayoutLoader loader, SecuredActions secured, Executor io) {
        this(configured, Optional.empty(), loader, secured, io);
    }

    /**
     * @param demoEdits for the demo (no configured file): {@code <dataDir>/demo/layout.yaml}, where the editor saves
     *                  and a demo start reads from when it exists
     */
    public LayoutRepository(Optional<Path> configured, Optional<Path> demoEdits, LayoutLoader loader,
                            SecuredActions secured, Executor io) {
        this.configured = configured;
        this.demoEdits = configured.isPresent() ? Optional.empty() : demoEdits;
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
            Layout layout = configured.isPresent() ? loader.load(configured.get()) : demoStart();
            current.set(layout);
            return Outcome.loaded(layout);
        } catch (ConfigException e) {
            return refused("layout not loaded at start", e);
        }
    }

    /** The demo's saved edits when there are any and they load, else the built-in demo (deleting the file restores it). */
    private Layout demoStart() throws ConfigException {
        if (demoEdits.isPresent() && java.nio.file.Files.isRegularFile(demoEdits.get())) {
            try {
                return loader.load(demoEdits.get());
            } catch (ConfigException e) {
                LOG.log(System.Logger.Level.WARNING, "the demo's saved layout does not load, the built-in one is used: {0}",
                        e.getMessage());
            }
        }
        return loader.loadDemo();
    }

    /** The file an editor's save writes: the configured layout, or the demo's edits file; empty if neither. */
    public Optional<Path> saveTarget() {
        return configured.or(() -> demoEdits);
    }

    /** Tells {@code listener} of every layout a save applies (on the saving thread); the handle removes it. */
    public Runnable addListener(java.util.function.Consumer<Layout> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Saves an edited layout the one way (decision 0031): permission {@code EDIT_LAYOUT} and the audit row
     * ({@value #SAVE}, target the file, old and new what changed) through {@link SecuredActions}, then the text is
     * read back by the loader (what is saved opens at the next start), written by {@link ConfigFiles#replace}
     * (the old file kept as .previous), and applied: the current layout and every listener. Runs on the io executor;
     * the future never completes exceptionally.
     */
    public CompletableFuture<Outcome> save(Layout edited) {
        return CompletableFuture.supplyAsync(() -> saveNow(edited), io);
    }

    private Outcome saveNow(Layout edited) {
        Optional<Path> target = saveTarget();
        if (target.isEmpty()) {
            return Outcome.refused("No layout file to save to (station.layout).");
        }
        Path file = target.get();
        String text = new LayoutWriter().write(edited);
        Layout before = current.get();
        SecuredActions.Command command = new SecuredActions.Command(Permission.EDIT_LAYOUT, SAVE, file.toString(),
                summary(before), summary(edited), null);
        try {
            Layout saved = secured.run(command, () -> {
                Layout checked = loader.parse(file.toString(), text);
                try {
                    ConfigFiles.replace(file, text);
                } catch (java.io.IOException e) {
                    throw ConfigException.whole("layout", file.toString(), e.getMessage());
                }
                return checked;
            });
            current.set(saved);
            listeners.forEach(l -> l.accept(saved));
            return Outcome.loaded(saved);
        } catch (ActionRefusedException | ConfigException e) {
            return refused("layout save refused; the file is unchanged", e);
        }
    }

    /** What the audit row says of a layout: its stations and symbols by count and id (clipped). */
    private static String summary(Layout layout) {
        if (layout == null) {
            return null;
        }
        String stations = layout.stations().map(s -> s.id().line() + "/" + s.id().station())
                .collect(java.util.stream.Collectors.joining(", "));
        String text = layout.stations().count() + " stations, " + layout.symbols().count() + " symbols: " + stations;
        return text.length() > 500 ? text.substring(0, 497) + "..." : text;
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
