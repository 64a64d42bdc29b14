package io.lineside.ui.shell;

import io.lineside.ui.Texts;
import io.lineside.ui.alarms.AlarmBannerView;
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
import io.lineside.ui.security.SessionView;
import io.lineside.ui.security.SessionViewModel;
import io.lineside.ui.security.SignInView;
import io.lineside.ui.security.UsersView;
import io.lineside.ui.security.UsersViewModel;
import java.time.format.DateTimeFormatter;
import javafx.event.EventType;
import javafx.scene.Scene;
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
 * their view-models and driven by one {@link Pulse}. FX thread only.
 *
 * <p>Keys: F9 acknowledges the selected alarms (note panel), Ctrl+F9 silences the horn, Esc closes the panel.
 */
public final class MainWindow {

    private final WorkshopViewModel workshop;
    private final Navigator navigator;
    private final Levels levels;
    private final NavigationView navigation;
    private final Levels.Models hierarchy;
    private final Pulse pulse;
    private final Scene scene;

    private final ViewLoader loader;
    private final AlarmSummaryView summaryView;
    private final Texts texts;
    private Stage diagnosticsStage;

    /** The view-models of the window and the windows it opens. */
    public record Models(MainViewModel main, WorkshopViewModel workshop, TrendViewModel trend,
                         DiagnosticsViewModel diagnostics, SessionViewModel session, UsersViewModel users,
                         Alarms alarms, JournalViewModel journal, KpiViewModel kpis, Levels.Models hierarchy) {
    }

    private Stage usersStage;
    private Stage reviewStage;

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
        this.summaryView = new AlarmSummaryView(alarms.summary(), texts);
        this.hierarchy = models.hierarchy();
        this.navigator = new Navigator(texts);
        this.levels = new Levels(hierarchy, navigator, texts, clock, id -> trend.open(id, clock.instant()));
        this.navigation = new NavigationView(navigator, levels);
        workshop.setOnOpenStation(navigator::openStation);
        hierarchy.plant().setOnOpenLine(line -> navigator.go(Place.line(line)));
        alarms.summary().setOnOpenStation(navigator::openStation);
        alarms.banner().setOnOpenStation(navigator::openStation);
        main.setOnOpenDiagnostics(this::showDiagnostics);
        session.setOnOpenUsers(this::showUsers);
        main.setOnOpenReview(this::showReview);
        Map<Class<?>, Supplier<?>> controllers = Map.ofEntries(
                Map.entry(MainView.class, () -> new MainView(main)),
                Map.entry(WorkshopView.class, () -> new WorkshopView(workshop, texts)),
                Map.entry(NavigationView.class, () -> navigation),
                Map.entry(TrendView.class, () -> new TrendView(trend, texts, zone)),
                Map.entry(DiagnosticsView.class, () -> new DiagnosticsView(diagnostics)),
                Map.entry(SessionView.class, () -> new SessionView(session, texts)),
                Map.entry(SignInView.class, () -> new SignInView(session, texts)),
                Map.entry(UsersView.class, () -> new UsersView(models.users())),
                Map.entry(AlarmBannerView.class, () -> new AlarmBannerView(alarms.banner())),
                Map.entry(AlarmSummaryView.class, () -> summaryView),
                Map.entry(ReviewView.class, ReviewView::new),
                Map.entry(JournalView.class, () -> new JournalView(models.journal(), texts)),
                Map.entry(KpiView.class, () -> new KpiView(models.kpis(), texts)));
        loader = new ViewLoader(texts.bundle(), controllers);
        scene = styled(new Scene(loader.load(MainView.class)));
        for (EventType<? extends InputEvent> type : List.of(KeyEvent.KEY_PRESSED, MouseEvent.MOUSE_PRESSED,
                ScrollEvent.SCROLL)) {
            scene.addEventFilter(type, e -> onActivity.run());
        }
        wireAlarms(alarms, trend, zone, clock);
        wireNavigationKeys();
        pulse = new Pulse(clock, List.of(main::pulse, workshop::pulse, hierarchy.plant()::pulse, trend::pulse,
                diagnostics::pulse, alarms.banner()::pulse, alarms.summary()::pulse, navigation::pulse));
    }

    /** The alarm banner and summary view-models. */
    public record Alarms(AlarmBannerViewModel banner, AlarmSummaryViewModel summary) {
    }

    private void wireAlarms(Alarms alarms, TrendViewModel trend, java.time.ZoneId zone, Clock clock) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        alarms.summary().setOnOpenTrend((station, at) -> trend.openAround(station, at,
                AlarmSummaryViewModel.TREND_SPAN, clock.instant(), time.format(at)));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9), summaryView::acknowledgeSelected);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9, KeyCombination.SHORTCUT_DOWN),
                alarms.banner()::silence);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), summaryView::cancel);
    }

    private void wireNavigationKeys() {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), navigator::back);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), navigator::forward);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.HOME, KeyCombination.ALT_DOWN), navigator::home);
    }

    /** The window's way through the display hierarchy (plant, line, station, diagnostics). */
    public Navigator navigator() {
        return navigator;
    }

    /** The views of the hierarchy's levels; the floor plan replaces the line level here. */
    public Levels levels() {
        return levels;
    }

    /** Opens the ingest diagnostics in a window of its own (for a second monitor), or brings it forward. */
    private void showDiagnostics() {
        if (diagnosticsStage == null) {
            diagnosticsStage = new Stage();
            diagnosticsStage.setTitle(texts.get("diag.title"));
            diagnosticsStage.setScene(styled(new Scene(loader.load(DiagnosticsView.class))));
        }
        diagnosticsStage.show();
        diagnosticsStage.toFront();
    }

    /** Opens the alarm journal and KPIs in a window of its own (for a second monitor), or brings it forward. */
    private void showReview() {
        if (reviewStage == null) {
            reviewStage = new Stage();
            reviewStage.setTitle(texts.get("review.title"));
            reviewStage.setScene(styled(new Scene(loader.load(ReviewView.class))));
        }
        reviewStage.show();
        reviewStage.toFront();
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

    private static Scene styled(Scene scene) {
        scene.getStylesheets().add(MainWindow.class.getResource("/io/lineside/ui/lineside.css").toExternalForm());
        return scene;
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

    /** Stops the pulse, closes the windows it opened and detaches from the tag store. */
    public void dispose() {
        pulse.stop();
        if (diagnosticsStage != null) {
            diagnosticsStage.close();
        }
        if (usersStage != null) {
            usersStage.close();
        }
        if (reviewStage != null) {
            reviewStage.close();
        }
        navigation.dispose();
        hierarchy.plant().dispose();
        workshop.dispose();
    }
}
