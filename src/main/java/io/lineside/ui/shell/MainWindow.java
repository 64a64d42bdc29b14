package io.lineside.ui.shell;

import io.lineside.ui.Lifecycle;
import io.lineside.ui.Texts;
import io.lineside.ui.Views;
import io.lineside.ui.alarms.AlarmBannerView;
import io.lineside.ui.alarms.AlarmCommandPanel;
import io.lineside.ui.alarms.AlarmBannerViewModel;
import io.lineside.ui.alarms.AlarmSummaryView;
import io.lineside.ui.alarms.AlarmSummaryViewModel;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.nav.NavigationView;
import io.lineside.ui.nav.Navigator;
import io.lineside.ui.nav.Place;
import io.lineside.ui.trend.TrendView;
import io.lineside.ui.trend.TrendViewModel;
import io.lineside.ui.workshop.WorkshopView;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.lineside.ui.diagnostics.DiagnosticsView;
import io.lineside.ui.diagnostics.DiagnosticsViewModel;
import io.lineside.ui.review.JournalView;
import io.lineside.ui.review.JournalViewModel;
import io.lineside.ui.review.KpiView;
import io.lineside.ui.review.KpiViewModel;
import io.lineside.ui.review.ReviewView;
import io.lineside.ui.shifts.ShiftReviewView;
import io.lineside.ui.shifts.ShiftReviewViewModel;
import io.lineside.ui.security.SessionView;
import io.lineside.ui.security.SessionViewModel;
import io.lineside.ui.security.SignInView;
import io.lineside.ui.security.UsersView;
import io.lineside.ui.security.UsersViewModel;
import io.lineside.ui.tags.TagBrowserView;
import io.lineside.ui.tags.TagBrowserViewModel;
import java.time.format.DateTimeFormatter;
import javafx.event.EventType;
import io.lineside.ui.theme.Theme;
import io.lineside.ui.window.DisplayControls;
import io.lineside.ui.window.ViewRegistry;
import io.lineside.ui.window.WindowManager;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;

/**
 * The main window's content: frame, alarm banner, workshop overview, trend pane and alarm summary, wired to
 * their view-models and driven by one {@link Pulse}. Every view-model it drives is a {@link Lifecycle} in one list:
 * pulsed, relocalised after a language switch and disposed in the same order. FX thread only.
 *
 * <p>Keys: F9 acknowledges the selected alarms (note panel), Ctrl+F9 silences the horn, Esc closes the panel.
 */
public final class MainWindow {

    private final WorkshopViewModel workshop;
    private final Navigator navigator;
    private final Levels levels;
    /** The navigation host of the main view loaded last (a language switch loads it again). */
    private NavigationView navigation;
    private final Levels.Models hierarchy;
    private final Pulse pulse;
    private final Scene scene;

    private final ViewLoader loader;
    private AlarmSummaryView summaryView;
    private AlarmSummaryView lastSummary;
    private final Texts texts;
    private final Models models;
    private final Clock clock;
    private WindowManager windows;
    /** The view-models this window drives: pulsed, relocalised and disposed from this one list, in this order. */
    private final List<Lifecycle> screens = new ArrayList<>();

    /** The view-models of the window and the windows it opens. */
    public record Models(MainViewModel main, WorkshopViewModel workshop, TrendViewModel trend,
                         DiagnosticsViewModel diagnostics, SessionViewModel session, UsersViewModel users,
                         Alarms alarms, JournalViewModel journal, KpiViewModel kpis, ShiftReviewViewModel shifts,
                         Levels.Models hierarchy) {
    }

    private Stage usersStage;
    /** The engineers' tag browser, when the composition root gives one ({@link #setTagBrowser}). */
    private TagBrowserViewModel tags;

    /**
     * Keys besides those of the alarms: Alt+Left / Alt+Right back and forward, Alt+Home the plant overview.
     *
     * @param onActivity told of every key press, click and scroll (the idle lock's notion of activity)
     */
    public MainWindow(Models models, Runnable onActivity, Texts texts, java.time.ZoneId zone, Clock clock) {
        MainViewModel main = models.main();
        TrendViewModel trend = models.trend();
        DiagnosticsViewModel diagnostics = models.diagnostics();
        SessionViewModel session = models.session();
        Alarms alarms = models.alarms();
        this.workshop = models.workshop();
        this.texts = texts;
        this.models = models;
        this.clock = clock;
        this.hierarchy = models.hierarchy();
        this.navigator = new Navigator(texts);
        this.levels = new Levels(hierarchy, navigator, texts, clock, id -> trend.open(id, clock.instant()));
        workshop.setOnOpenStation(navigator::openStation);
        hierarchy.plant().setOnOpenLine(line -> navigator.go(Place.line(line)));
        alarms.summary().setOnOpenStation(navigator::openStation);
        alarms.banner().setOnOpenStation(navigator::openStation);
        session.setOnOpenUsers(this::showUsers); // diagnostics and review: windows of their own, see attach
        Map<Class<?>, Supplier<?>> controllers = Map.ofEntries(
                Map.entry(MainView.class, () -> new MainView(main)),
                Map.entry(WorkshopView.class, () -> new WorkshopView(workshop, texts)),
                Map.entry(NavigationView.class, this::newNavigation),
                Map.entry(TrendView.class, () -> new TrendView(trend, texts, zone)),
                Map.entry(DiagnosticsView.class, () -> new DiagnosticsView(diagnostics)),
                Map.entry(io.lineside.ui.diagnostics.InspectorView.class,
                        () -> new io.lineside.ui.diagnostics.InspectorView(diagnostics.inspector(), texts)),
                Map.entry(SessionView.class, () -> new SessionView(session, texts)),
                Map.entry(SignInView.class, () -> new SignInView(session, texts)),
                Map.entry(UsersView.class, () -> new UsersView(models.users())),
                Map.entry(AlarmBannerView.class, () -> new AlarmBannerView(alarms.banner())),
                Map.entry(AlarmSummaryView.class, () -> lastSummary = new AlarmSummaryView(alarms.summary(), texts)),
                Map.entry(ReviewView.class, ReviewView::new),
                Map.entry(JournalView.class, () -> new JournalView(models.journal(), texts)),
                Map.entry(KpiView.class, () -> new KpiView(models.kpis(), texts)),
                Map.entry(ShiftReviewView.class, () -> new ShiftReviewView(models.shifts(), texts, null)));
        // The journal and KPI tabs follow the shift shown in the shift review.
        models.shifts().setOnShiftShown(p -> {
            models.journal().search(p.start(), p.end(), null, null, "", "");
            models.kpis().compute(p.start(), p.end());
        });
        loader = new ViewLoader(texts::bundle, controllers);
        scene = styled(new Scene(root()));
        for (EventType<? extends InputEvent> type : List.of(KeyEvent.KEY_PRESSED, MouseEvent.MOUSE_PRESSED,
                ScrollEvent.SCROLL)) {
            scene.addEventFilter(type, e -> onActivity.run());
        }
        wireAlarms(alarms, trend, zone, clock);
        wireNavigationKeys();
        screens.addAll(List.of(main, workshop.lifecycle(), hierarchy.plant(), trend, diagnostics, alarms.banner(),
                alarms.summary(), models.shifts(), models.journal(), models.kpis(), session, models.users(), navigator,
                shownLevel()));
        pulse = new Pulse(clock, List.of(now -> screens.forEach(screen -> screen.pulse(now))));
    }

    /** The level the navigation host shows now (a station's faceplate, a line): pulsed while shown. */
    private Lifecycle shownLevel() {
        return new Lifecycle() {
            @Override
            public void pulse(Instant now) {
                navigation.pulse(now);
            }
        };
    }

    /** The tag browser: thousands of rows, so pulsed only while its window is open. */
    private Lifecycle whileOpen(TagBrowserViewModel browser) {
        return new Lifecycle() {
            @Override
            public void pulse(Instant now) {
                if (windows != null && windows.isOpen("tags")) {
                    browser.pulse(now);
                }
            }

            @Override
            public void relocalize() {
                browser.relocalize();
            }

            @Override
            public void dispose() {
                browser.dispose();
            }
        };
    }

    /** The alarm banner and summary view-models. */
    public record Alarms(AlarmBannerViewModel banner, AlarmSummaryViewModel summary) {
    }

    private void wireAlarms(Alarms alarms, TrendViewModel trend, java.time.ZoneId zone, Clock clock) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        alarms.summary().setOnOpenTrend((station, at) -> trend.openAround(station, at,
                AlarmSummaryViewModel.TREND_SPAN, clock.instant(), time.format(at)));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9), () -> summaryView.acknowledgeSelected());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9, KeyCombination.SHORTCUT_DOWN),
                alarms.banner()::silence);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> summaryView.cancel());
        // A filter as well: while locked the focus sits in the password field, which eats Esc before an accelerator.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE
                    && alarms.summary().panel().modeProperty().get() != AlarmCommandPanel.Mode.NONE) {
                summaryView.cancel();
                e.consume();
            }
        });
    }

    /** The navigation host of a main view being loaded; the one before is disposed with the root it was in. */
    private NavigationView newNavigation() {
        navigation = new NavigationView(navigator, levels);
        return navigation;
    }

    private void wireNavigationKeys() {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), navigator::back);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), navigator::forward);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.HOME, KeyCombination.ALT_DOWN), navigator::home);
    }

    /** Offers the tag browser in the "open in new window" menu; call before {@link #attach}. */
    public void setTagBrowser(TagBrowserViewModel model) {
        this.tags = model;
        screens.add(whileOpen(model));
    }

    /** The window's way through the display hierarchy (plant, line, station, diagnostics). */
    public Navigator navigator() {
        return navigator;
    }

    /** The views of the hierarchy's levels; the floor plan replaces the line level here. */
    public Levels levels() {
        return levels;
    }

    /** Opens user administration and audit verification in a window of its own, or brings it forward. */
    private void showUsers() {
        if (usersStage == null) {
            usersStage = new Stage();
            usersStage.setTitle(texts.get("users.title"));
            usersStage.setScene(styled(new Scene(loader.load(UsersView.class))));
        }
        usersStage.show();
        usersStage.toFront();
    }

    private Scene styled(Scene scene) {
        if (windows != null) {
            return windows.style(scene);
        }
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheetUrls());
        return scene;
    }

    /** The main view with the display controls in its header (when a {@link WindowManager} is attached). */
    private Parent root() {
        Parent root = loader.load(MainView.class);
        summaryView = lastSummary;
        addDisplayControls(root);
        return root;
    }

    private void addDisplayControls(Parent root) {
        if (windows != null && root.lookup(".header") instanceof HBox header) {
            header.getChildren().add(Math.min(2, header.getChildren().size()), DisplayControls.build(windows, texts));
        }
    }

    /**
     * Lets {@code windows} manage this window and the views it can open in windows of their own: registers them
     * (workshop overview, trend, alarm summary, diagnostics, review), adds the display controls to the header,
     * and rebuilds the content after a language switch with the alarm selection kept. Call once, before showing.
     */
    public void attach(WindowManager windows, Stage stage) {
        this.windows = windows;
        ViewRegistry views = windows.registry();
        // The plant overview (L1) for a second monitor: it sits on the window's own, always pulsed view-model.
        views.register("plant", "nav.plant", () -> {
            io.lineside.ui.nav.LevelView level = levels.apply(Place.plant());
            Parent node = (Parent) level.node();
            Views.whenDisposed(node, level::dispose); // with its window
            return node;
        });
        views.register("workshop", "window.workshop", () -> loader.load(WorkshopView.class));
        views.register("trend", "window.trend", () -> loader.load(TrendView.class));
        views.register("alarms", "summary.title", () -> loader.load(AlarmSummaryView.class));
        views.register("diagnostics", "diag.title", () -> loader.load(DiagnosticsView.class));
        views.register("review", "review.title", () -> loader.load(ReviewView.class));
        if (tags != null) {
            TagBrowserViewModel browser = tags;
            views.register("tags", "browser.title", () -> new ViewLoader(texts::bundle, Map.of(
                    TagBrowserView.class,
                    () -> new TagBrowserView(browser, texts))).load(TagBrowserView.class));
        }
        addDisplayControls(scene.getRoot());
        stage.setScene(scene);
        // Re-formatting replaces the summary's rows, which clears the table's selection: take it first.
        windows.adoptMain(stage, () -> {
            List<String> selected = summaryView.selectedIds();
            screens.forEach(Lifecycle::relocalize);
            models.alarms().banner().pulse(clock.instant());
            models.alarms().summary().pulse(clock.instant());
            Parent root = root();
            summaryView.select(selected);
            return root;
        }, null);
        windows.keepInSight(() -> scene.getRoot().lookup(".alarm-banner")); // no window covers the banner
        models.main().setOnOpenDiagnostics(() -> windows.show("diagnostics"));
        models.main().setOnOpenReview(() -> windows.show("review"));
    }

    public Scene scene() {
        return scene;
    }

    public Pulse pulse() {
        return pulse;
    }

    /** Starts pulling live data into the views. */
    public void start() {
        pulse.start();
    }

    /** Stops the pulse, closes the windows it opened, releases the views, then disposes the view-models. */
    public void dispose() {
        pulse.stop();
        if (usersStage != null) {
            usersStage.close();
            Views.dispose(usersStage.getScene().getRoot());
        }
        if (windows != null) {
            windows.closeViews();
        }
        Views.dispose(scene.getRoot());
        screens.forEach(Lifecycle::dispose);
    }
}
