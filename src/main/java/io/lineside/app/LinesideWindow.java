package io.lineside.app;

import io.lineside.alarms.AlarmCommands;
import io.lineside.alarms.AlarmService;
import io.lineside.history.HistoryWriter;
import io.lineside.layout.LayoutLoader;
import io.lineside.shifts.OeeSettings;
import io.lineside.shifts.ShiftAnalyzer;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftPeriod;
import io.lineside.ui.Texts;
import io.lineside.alarms.AlarmActions;
import io.lineside.ui.alarms.AlarmBannerViewModel;
import io.lineside.ui.alarms.AlarmHorn;
import io.lineside.ui.alarms.AlarmSummaryViewModel;
import io.lineside.ui.diagnostics.DiagnosticsViewModel;
import io.lineside.ui.diagnostics.InspectorViewModel;
import io.lineside.ui.layout.FloorPlanLines;
import io.lineside.ui.layout.LayoutActions;
import io.lineside.ui.plant.OutputHistory;
import io.lineside.ui.plant.PlantViewModel;
import io.lineside.ui.review.JournalViewModel;
import io.lineside.ui.review.KpiViewModel;
import io.lineside.ui.security.SessionViewModel;
import io.lineside.ui.security.UsersViewModel;
import io.lineside.ui.shell.Levels;
import io.lineside.ui.shell.MainViewModel;
import io.lineside.ui.shell.MainWindow;
import io.lineside.ui.shifts.ShiftReviewViewModel;
import io.lineside.ui.station.StationHistory;
import io.lineside.ui.station.StationTagsViewModel;
import io.lineside.ui.station.StationViewModel;
import io.lineside.ui.trend.TrendAlarmMarks;
import io.lineside.ui.trend.TrendSource;
import io.lineside.ui.trend.TrendViewModel;
import io.lineside.ui.window.DisplayPrefs;
import io.lineside.ui.window.KioskMode;
import io.lineside.ui.window.ViewRegistry;
import io.lineside.ui.window.WindowManager;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** Builds the main window's view-models from the running {@link Services}. FX thread only. */
public final class LinesideWindow {

    private final MainWindow window;
    private final io.lineside.commands.CommandService commands; // operator commands (decision 0025)
    private final WorkshopViewModel workshop;
    private final PlantViewModel plant;
    private final SessionViewModel session;
    private final ShiftReviewViewModel shifts;
    private final ReplaySetup replay;
    private final ExecutorService queries = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("lineside-ui-queries").daemon().unstarted(r));
    private final ExecutorService auth = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("lineside-ui-auth").daemon().unstarted(r));

    private final AlarmHorn horn = new AlarmHorn();
    // Display prefs are written in the background, in order; dispose waits briefly so the last one lands.
    private final ExecutorService prefsWriter = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("lineside-ui-prefs").daemon().unstarted(r));
    private final WorkstationPrefs prefs;
    private final DisplayPrefs startPrefs;
    private final Texts texts;
    private final SecurityServices security;
    private DisplayOptions options = DisplayOptions.DESKTOP;
    private WindowManager windows;
    private KioskMode kiosk;
    private Stage stage;
    private final javafx.event.EventHandler<WindowEvent> saveOnHide = e -> windows.saveArrangement();

    /** @param alarmActions the operator's alarm commands, secured and audited ({@link AlarmCommands}) */
    public LinesideWindow(Services services, SecurityServices security, AlarmActions alarmActions, Texts texts,
                          boolean demo, Clock clock) {
        this(services, security, alarmActions, texts, demo, Optional.empty(), clock);
    }

    /** @param station the workstation's profile (its shift calendar and zone), if its config has one */
    public LinesideWindow(Services services, SecurityServices security, AlarmActions alarmActions, Texts texts,
                          boolean demo, Optional<StationProfile> station, Clock clock) {
        this(services, security, alarmActions, texts, demo, station, ShiftSetup.oee(station, demo), clock);
    }

    /**
     * @param oee     how OEE is computed, with the station's one gap rule ({@link ShiftSetup#gapRule})
     * @param clock   any zone: every view shows times in the plant's zone (the station's {@code zone}, else this
     *                clock's), and says which
     */
    public LinesideWindow(Services services, SecurityServices security, AlarmActions alarmActions, Texts texts,
                          boolean demo, Optional<StationProfile> station, OeeSettings oee, Clock clock) {
        ZoneId zone = station.map(StationProfile::zone).orElse(clock.getZone());
        clock = clock.withZone(zone); // one plant zone for the header, alarms, journal, trends and the shift review
        this.texts = texts;
        this.security = security;
        prefs = new WorkstationPrefs(services.dataDir());
        startPrefs = prefs.load();
        // The header's language choice on this workstation outranks the config's: it is the more recent.
        startPrefs.language().ifPresent(tag -> texts.switchTo(Locale.forLanguageTag(tag)));
        HistoryWriter writer = services.writer();
        MainViewModel main = new MainViewModel(new MainViewModel.Sources(
                services.connection()::status,
                services.pipeline().diagnostics()::snapshot,
                () -> new MainViewModel.HistoryStatus(writer.writtenCount(), writer.droppedCount(), writer.lastError(),
                        writer.delayed(), writer.lag().toSeconds(), writer.droppedSinceCaughtUp()),
                services.dataDir().toString(), demo, () -> {
                    AlarmService.Stats a = services.alarms().stats();
                    int restored = (int) services.alarms().snapshot().alarms().stream()
                            .filter(io.lineside.alarms.ActiveAlarm::restored).count();
                    return new MainViewModel.AlarmStatus(a.delayed(), a.coalesced(), restored);
                }), texts, zone);
        workshop = new WorkshopViewModel(services.store(), services.stations(), texts);
        TrendViewModel trend = new TrendViewModel(TrendSource.of(services.query()), queries, Platform::runLater, texts,
                zone);
        trend.setStationModel(services.stations()::describe); // a station's default pens: its trended signals
        trend.setExporter(new TrendExport(security.actions(), texts, zone));
        trend.setAlarmMarks(new TrendAlarmMarks(services.alarms().journal(), services.alarms()::journalRevision,
                services.alarms().definitions(), texts)); // the pens' alarms on the time axis
        DiagnosticsViewModel diagnostics = new DiagnosticsViewModel(services.pipeline().diagnostics()::snapshot,
                services.pipeline().diagnostics()::unknownTopics,
                new InspectorViewModel(services.inspector(), texts, zone), texts, zone);
        diagnostics.setHistory(() -> new DiagnosticsViewModel.HistoryCounters(writer.droppedCount(),
                writer.gappedCount(), writer.lag().toSeconds()));
        session = new SessionViewModel(security.session(), security.users(), auth, Platform::runLater, texts, zone);
        UsersViewModel users = new UsersViewModel(security.users(), security.session(), security.actions(),
                security.audit(), auth, Platform::runLater, texts);
        AlarmService alarms = services.alarms();
        MainWindow.Alarms alarmViews = new MainWindow.Alarms(
                new AlarmBannerViewModel(alarms::snapshot, horn, texts, zone),
                new AlarmSummaryViewModel(alarms::snapshot, alarms.definitions(), alarms::shelved, alarmActions,
                        alarms.shelveReasons(), texts, zone, Platform::runLater));
        alarmViews.summary().setHistorySource(alarms::history, queries);
        JournalViewModel journal = new JournalViewModel(alarms.journal(),
                new AlarmJournalExport(security.actions(), texts), queries, Platform::runLater, texts, clock);
        KpiViewModel kpis = new KpiViewModel(alarms.journal(), queries, Platform::runLater, texts, clock);
        ShiftCalendar calendar = ShiftSetup.calendar(station, zone);
        io.lineside.shifts.ReasonTree reasons = station.map(StationProfile::downtimeReasons)
                .orElse(io.lineside.shifts.ReasonTree.DEFAULT);
        io.lineside.history.ShiftBook shiftBook = new io.lineside.history.ShiftBook(services.database());
        ShiftAnalyzer analyzer = new ShiftAnalyzer(services.query(), alarms.journal(), oee, clock)
                .withBook(shiftBook, reasons);
        shifts = new ShiftReviewViewModel(calendar, analyzer::analyze,
                new ShiftExport(security.actions(), texts, calendar.zone(), station.map(StationProfile::name)
                        .orElse(demo ? "demo" : "lineside"), alarms.definitions()),
                () -> services.connection().status().state(), queries, Platform::runLater, texts, clock);
        shifts.setBook(new ShiftActions(security.actions(), security.session(), security.users(), shiftBook, reasons,
                texts, clock));
        // Output against the ideal rate OEE uses; no target where the station config has no ideal cycles.
        plant = new PlantViewModel(services.store(), alarms::snapshot, line -> oee.targetPerHour(), texts);
        station.ifPresent(profile -> plant.showOnly(profile::shows)); // the areas and lines this station shows
        plant.countFromHistory(OutputHistory.of(services.query()), // the shift's output survives a restart
                now -> calendar.containing(now).map(ShiftPeriod::start).orElse(null), queries, Platform::runLater);
        replay = new ReplaySetup(services, alarmViews.banner(), line -> oee.targetPerHour(), now -> calendar
                .containing(now).map(ShiftPeriod::start).orElse(now.minus(java.time.Duration.ofHours(8))), queries,
                texts, zone, clock);
        journal.setReplay(event -> { // "Replay from 10 min before": a replay window of its own per event
            if (windows != null) {
                windows.open("replay", () -> replay.viewBefore(event));
            }
        });
        commands = OperatorCommands.open(services, security, security.audit().workstation(), clock);
        Levels.Models hierarchy = new Levels.Models(plant, workshop, id -> {
                    StationViewModel faceplate = new StationViewModel(id, services.store(), services.stations(),
                            alarmViews.summary().rows(), StationHistory.of(services.query()), queries,
                            Platform::runLater, texts);
                    // The state timeline covers the shift running now (8 h when the calendar has none running).
                    faceplate.setTimelineStart(now -> calendar.containing(now).map(ShiftPeriod::start).orElse(null));
                    faceplate.setStateHold(oee.staleAfter()); // the shift review's gap rule
                    faceplate.setCommands(new io.lineside.ui.station.CommandControlsViewModel(id, faceplate.description(),
                            services.writable().all(), commands, services.store(), Platform::runLater, texts));
                    return faceplate;
                },
                id -> new StationTagsViewModel(id, services.store(), texts, zone));
        window = new MainWindow(new MainWindow.Models(main, workshop, trend, diagnostics, session, users, alarmViews,
                journal, kpis, shifts, hierarchy), security.session()::touch, texts, zone, clock);
        window.setTagBrowser(TagBrowsing.viewModel(services, security, texts));
        Optional<Path> layoutFile = station.flatMap(StationProfile::layout);
        if (demo || layoutFile.isPresent()) {
            showFloorPlans(layouts(layoutFile, demo, services), services, texts);
        }
    }

    /** The layout source; the demo's editor saves under {@code <dataDir>/demo/layout.yaml} (decision 0031). */
    private LayoutRepository layouts(Optional<Path> layoutFile, boolean demo, Services services) {
        Optional<Path> demoEdits = demo ? Optional.of(services.dataDir().resolve("demo").resolve("layout.yaml"))
                : Optional.empty();
        return new LayoutRepository(layoutFile, demoEdits, new LayoutLoader(), security.actions(), queries);
    }

    /**
     * Reads the layout off the FX thread, then lets the line level (L2) draw the floor plan of every line the layout
     * has; lines it lacks, or a layout that did not load (logged with its file:line reason), keep the station tiles.
     */
    private void showFloorPlans(LayoutRepository layouts, Services services, Texts texts) {
        replay.setLayouts(layouts::current); // a replayed line draws the same plan
        queries.execute(() -> {
            LayoutActions.Outcome start = layouts.start();
            if (start.layout().isEmpty()) {
                System.getLogger(LinesideWindow.class.getName()).log(System.Logger.Level.WARNING,
                        "no floor plan, the line views show station tiles: {0}", start.problem());
            }
            Platform.runLater(() -> window.levels().setLineViews(new FloorPlanLines(services.store(), texts,
                    Platform::runLater, layouts, layouts::current, window.navigator()::openStation,
                    window.levels()::stationTiles).withStationModel(services.stations()::describe)
                    .withUpdates(layouts::addListener) // a saved layout redraws the open plans
                    .withAlarms(services.alarms()::snapshot)));
        });
    }

    public WorkshopViewModel workshop() {
        return workshop;
    }

    /** The shift review's model (exports are driven through it in tests: a file chooser cannot be, headless). */
    public ShiftReviewViewModel shifts() {
        return shifts;
    }

    public MainWindow window() {
        return window;
    }

    /** Kiosk mode and touch size for {@link #show}; desktop by default. */
    public void setDisplayOptions(DisplayOptions options) {
        this.options = options;
    }

    /**
     * Shows the window on {@code stage} (a new one: kiosk mode restyles it), puts the views that had windows of
     * their own back where they were, and starts the pulse. The arrangement is saved when the main window closes.
     */
    public void show(Stage stage, String title) {
        DisplayPrefs start = options.touch() ? startPrefs.withTouch(true) : startPrefs;
        windows = new WindowManager(texts, new ViewRegistry(), start, p -> prefsWriter.execute(() -> save(p)));
        windows.registry().register("replay", "replay.title", replay::view); // Display > Open in new window > Replay
        window.attach(windows, stage);
        stage.setTitle(title);
        this.stage = stage;
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, saveOnHide);
        if (options.kiosk()) {
            kiosk = new KioskMode(stage, new KioskExit(security.session(), security.actions(), texts), texts, auth, Platform::runLater);
        }
        stage.show();
        windows.restore();
        if (kiosk != null) {
            stage.setFullScreen(true); // restoring the main window's saved size must not end full screen
        }
        window.start();
    }

    public WindowManager windows() {
        return windows;
    }

    /** Kiosk mode of the main window, when on. */
    public java.util.Optional<KioskMode> kiosk() {
        return java.util.Optional.ofNullable(kiosk);
    }

    private void save(DisplayPrefs p) {
        try {
            prefs.save(p);
        } catch (java.io.IOException e) {
            System.getLogger(LinesideWindow.class.getName()).log(System.Logger.Level.WARNING,
                    "display settings not saved to " + prefs.file(), e);
        }
    }

    public void dispose() {
        if (stage != null) { // a reused stage (tests) must not save through a disposed window
            stage.removeEventHandler(WindowEvent.WINDOW_HIDING, saveOnHide);
        }
        window.dispose();
        commands.close();
        session.dispose();
        horn.close();
        queries.shutdownNow();
        auth.shutdownNow();
        prefsWriter.shutdown();
        try {
            prefsWriter.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
