package io.lineside.ui.window;

import io.lineside.ui.Texts;
import io.lineside.ui.Views;
import io.lineside.ui.theme.Theme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * All of this workstation's windows: the main one and views opened in windows of their own. Applies the theme,
 * touch size and language to every one of them, and saves and restores their arrangement through
 * {@link DisplayPrefs}. FX thread only.
 *
 * <p>A language switch rebuilds each window's scene root from FXML with the new bundle; the view-models survive
 * (they hold state), and the {@code onLanguage} hooks ask them to re-format what they had formatted. The root a window
 * drops (rebuilt, or the window closed) is {@linkplain Views#dispose disposed}, so its views can be collected.
 */
public final class WindowManager {

    /** How a window's content is rebuilt (a language switch) and what it is called. */
    private record Content(String viewId, Supplier<Parent> root, String titleKey) {
    }

    private final Texts texts;
    private final ViewRegistry registry;
    private final Consumer<DisplayPrefs> persist;
    private final Map<Stage, Content> windows = new LinkedHashMap<>();
    private final List<Runnable> onLanguage = new ArrayList<>();
    private DisplayPrefs prefs;
    private Stage main;
    private Supplier<java.util.Optional<ScreenArea>> keepClear = java.util.Optional::empty;

    /**
     * @param prefs   the saved choices (theme, touch, language) to start with
     * @param persist told of every change (writes the prefs file; called on the FX thread, should not block long)
     */
    public WindowManager(Texts texts, ViewRegistry registry, DisplayPrefs prefs, Consumer<DisplayPrefs> persist) {
        this.texts = texts;
        this.registry = registry;
        this.prefs = prefs;
        this.persist = persist;
    }

    public ViewRegistry registry() {
        return registry;
    }

    public DisplayPrefs prefs() {
        return prefs;
    }

    /** Runs {@code hook} after each language switch, before the windows are rebuilt (view-models re-format). */
    public void addLanguageHook(Runnable hook) {
        onLanguage.add(hook);
    }

    /** Takes charge of the main window: its scene gets theme and touch size; {@code root} rebuilds its content. */
    public void adoptMain(Stage stage, Supplier<Parent> root, String titleKey) {
        main = stage;
        windows.put(stage, new Content(WindowPlacement.MAIN, root, titleKey));
        style(stage.getScene());
    }

    /**
     * What no window opened here may cover (the main window's alarm banner): each is moved below it when it opens or
     * is restored. {@code node} may give null (not built yet); nothing is kept clear while it is not showing.
     */
    public void keepInSight(Supplier<Node> node) {
        this.keepClear = () -> {
            Node n = node.get();
            if (n == null || n.getScene() == null || n.getScene().getWindow() == null
                    || !n.getScene().getWindow().isShowing()) {
                return java.util.Optional.empty();
            }
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            return b == null || b.getWidth() <= 0 || b.getHeight() <= 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(new ScreenArea(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
        };
    }

    /** Opens {@code viewId} in a new window, placed by its saved placement if given. */
    public Stage open(String viewId) {
        ViewRegistry.View view = registry.find(viewId)
                .orElseThrow(() -> new IllegalArgumentException("no view registered as " + viewId));
        return open(viewId, view.factory());
    }

    /**
     * Opens {@code viewId} in a new window with content of its own (e.g. a replay at a chosen instant), rebuilt from
     * {@code factory} on a language switch; the arrangement restores the view as registered.
     */
    public Stage open(String viewId, Supplier<Parent> factory) {
        ViewRegistry.View view = registry.find(viewId)
                .orElseThrow(() -> new IllegalArgumentException("no view registered as " + viewId));
        Stage stage = new Stage();
        stage.setTitle(texts.get(view.titleKey()));
        stage.setScene(style(new Scene(factory.get())));
        if (main != null) {
            stage.getIcons().setAll(main.getIcons());
        }
        windows.put(stage, new Content(viewId, factory, view.titleKey()));
        stage.setOnHidden(e -> {
            windows.remove(stage);
            Views.dispose(stage.getScene().getRoot());
        });
        stage.show();
        clear(stage);
        return stage;
    }

    /** Brings {@code viewId}'s window forward, or opens one (the status-bar buttons: one window per view). */
    public Stage show(String viewId) {
        for (Map.Entry<Stage, Content> w : windows.entrySet()) {
            if (w.getValue().viewId().equals(viewId)) {
                w.getKey().show();
                w.getKey().toFront();
                return w.getKey();
            }
        }
        return open(viewId);
    }

    /** True while {@code viewId} has a window of its own (a view nobody sees needs no pulse). */
    public boolean isOpen(String viewId) {
        for (Content c : windows.values()) {
            if (c.viewId().equals(viewId)) {
                return true;
            }
        }
        return false;
    }

    /** The views open in windows of their own now (not the main window). */
    public List<String> openViews() {
        return windows.values().stream().map(Content::viewId).filter(id -> !id.equals(WindowPlacement.MAIN)).toList();
    }

    /** Applies theme and touch size to {@code scene} (every window's scene goes through here). */
    public Scene style(Scene scene) {
        scene.getStylesheets().setAll(prefs.theme().stylesheetUrls());
        touch(scene.getRoot());
        return scene;
    }

    public void setTheme(Theme theme) {
        update(prefs.withTheme(theme));
        windows.keySet().forEach(s -> style(s.getScene()));
    }

    public void setTouch(boolean on) {
        update(prefs.withTouch(on));
        windows.keySet().forEach(s -> touch(s.getScene().getRoot()));
    }

    /** Switches every window to {@code tag} ({@code en} or {@code zh-CN}) and remembers it for this workstation. */
    public void switchLanguage(String tag) {
        texts.switchTo(Locale.forLanguageTag(tag));
        update(prefs.withLanguage(tag));
        onLanguage.forEach(Runnable::run);
        windows.forEach((stage, content) -> {
            Parent old = stage.getScene().getRoot();
            stage.getScene().setRoot(content.root().get());
            Views.dispose(old);
            touch(stage.getScene().getRoot());
            if (content.titleKey() != null) {
                stage.setTitle(texts.get(content.titleKey()));
            }
        });
    }

    /** The windows' placements now, main window first. */
    public List<WindowPlacement> arrangement() {
        List<WindowPlacement> out = new ArrayList<>();
        ObservableList<Screen> screens = Screen.getScreens();
        windows.forEach((stage, content) -> {
            List<Screen> on = Screen.getScreensForRectangle(
                    new Rectangle2D(stage.getX(), stage.getY(), Math.max(1, stage.getWidth()), Math.max(1, stage.getHeight())));
            int screen = on.isEmpty() ? 0 : Math.max(0, screens.indexOf(on.getFirst()));
            out.add(new WindowPlacement(content.viewId(), stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized(), screen));
        });
        return out;
    }

    /** Saves the arrangement (on exit). */
    public void saveArrangement() {
        update(prefs.withWindows(arrangement()));
    }

    /**
     * Puts the main window where it was and reopens the views that had windows of their own, each clamped to the
     * screens there are now. Placements of views no longer registered are skipped.
     */
    public void restore() {
        List<ScreenArea> screens = Screen.getScreens().stream().map(Screen::getVisualBounds)
                .map(b -> new ScreenArea(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight())).toList();
        for (WindowPlacement saved : prefs.windows()) {
            WindowPlacement p = saved.clampTo(screens);
            if (p.viewId().equals(WindowPlacement.MAIN)) {
                if (main != null) {
                    place(main, p);
                }
            } else if (registry.find(p.viewId()).isPresent()) {
                Stage stage = open(p.viewId());
                place(stage, p);
                clear(stage);
            }
        }
    }

    /** Closes the windows opened here (not the main window). */
    public void closeViews() {
        new ArrayList<>(windows.keySet()).stream().filter(s -> s != main).forEach(Stage::close);
    }

    /** Moves {@code stage} off the area kept clear (the alarm banner), on the screen it is on. */
    private void clear(Stage stage) {
        keepClear.get().ifPresent(keep -> {
            Rectangle2D at = new Rectangle2D(stage.getX(), stage.getY(), Math.max(1, stage.getWidth()),
                    Math.max(1, stage.getHeight()));
            List<Screen> on = Screen.getScreensForRectangle(at);
            Rectangle2D b = (on.isEmpty() ? Screen.getPrimary() : on.getFirst()).getVisualBounds();
            WindowPlacement now = new WindowPlacement("", stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized(), 0);
            WindowPlacement clear = now.clearOf(keep, new ScreenArea(b.getMinX(), b.getMinY(), b.getWidth(),
                    b.getHeight()));
            if (!clear.equals(now)) {
                place(stage, clear);
            }
        });
    }

    private static void place(Stage stage, WindowPlacement p) {
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());
    }

    private void touch(Parent root) {
        root.getStyleClass().remove("touch");
        if (prefs.touch()) {
            root.getStyleClass().add("touch");
        }
    }

    private void update(DisplayPrefs next) {
        prefs = next;
        persist.accept(next);
    }
}
