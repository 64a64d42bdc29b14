package io.lineside.app;

import io.lineside.alarms.AlarmCommands;
import io.lineside.alarms.ViewerAlarmActions;
import io.lineside.history.HistoryException;
import io.lineside.security.ActionRefusedException;
import io.lineside.security.AuditVerifier;
import io.lineside.security.PasswordHasher;
import io.lineside.security.SecurityStoreException;
import io.lineside.shifts.OeeSettings;
import io.lineside.ui.Texts;
import io.lineside.alarms.AlarmActions;
import io.lineside.config.ConfigException;
import io.lineside.ui.window.StartupProblem;
import io.lineside.ui.window.StartupProblemWindow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Entry point and composition root: reads the command line and config, starts the spine (and in demo mode
 * the embedded broker and simulator), then opens the main window. A bad configuration stops the start
 * with one line on stderr and exit code 2, before anything is half-built; started as the HMI (no command), the
 * same reason is logged and shown in a window, since a start from the desktop menu has no terminal to print to.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());
    private static final DateTimeFormatter BUNDLE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private Main() {
    }

    /** Where a failed start of the HMI is shown besides stderr. */
    @FunctionalInterface
    interface StartupProblems {
        void show(Locale locale, StartupProblem problem);
    }

    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err,
                (locale, problem) -> StartupProblemWindow.showAndWait(Texts.forLocale(locale), problem));
        if (code != 0) {
            System.exit(code);
        }
    }

    /** As the HMI runs it, but a failed start only prints (tests, and callers that have a terminal). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, (locale, problem) -> { });
    }

    static int run(List<String> args, PrintStream out, PrintStream err, StartupProblems problems) {
        CommandLine cli;
        AppConfig config;
        Optional<InstalledLayout> installed = InstalledLayout.detect();
        // An installed station uses its system config unless told otherwise; without one it runs the demo.
        Optional<Path> configFile;
        Optional<StationProfile> station;
        DisplayOptions display;
        // --kiosk concerns only the window, so it is taken here rather than by every command's parser.
        boolean kioskOption = args.contains(DisplayOptions.KIOSK_OPTION);
        args = args.stream().filter(a -> !a.equals(DisplayOptions.KIOSK_OPTION)).toList();
        HistorySettings history;
        Optional<Path> reportsFolder; // where the HMI or the recorder writes shift PDFs (empty: <dataDir>/reports)
        cli = null;
        try {
            cli = CommandLine.parse(args);
            if (cli.help()) {
                out.println(CommandLine.USAGE);
                return 0;
            }
            configFile = cli.config().or(() -> installed.map(InstalledLayout::configFile).filter(Files::isRegularFile));
            if (cli.command().equals(Optional.of(CommandLine.DIAGNOSE))) {
                return diagnose(cli, configFile, installed, out, err); // also, above all, with a broken config
            }
            StationConfig read = configFile.isPresent() ? StationConfig.read(configFile.get()) : StationConfig.DEMO;
            config = read.app();
            station = read.station();
            display = read.display().withKiosk(kioskOption);
            history = read.history();
            reportsFolder = read.reportsFolder();
        } catch (ConfigException e) {
            err.println("lineside: " + e.getMessage());
            if (cli == null || cli.command().isEmpty()) {
                startFailed(installed, cli, problem(e), problems);
            }
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("lineside: " + e.getMessage());
            if (cli == null || cli.command().isEmpty()) {
                startFailed(installed, cli, StartupProblem.of(e.getMessage()), problems);
            }
            return 2;
        }
        config = cli.dataDir().map(config::withDataDir).orElse(config);
        config = cli.lang().map(config::withLanguage).orElse(config);
        // The demo keeps its own directory: its documented accounts must never exist on a configured station.
        // An installed station keeps its data per machine, shared by the shift users and the recorder.
        Path dataDir = config.dataDir().orElse(defaultDataDir(config.isDemo(), installed)).toAbsolutePath();
        Optional<Path> logDir = installed.map(InstalledLayout::logDir);
        Optional<String> command = cli.command();
        if (command.isPresent() && !command.get().equals(CommandLine.RECORD)) {
            return switch (command.get()) {
                case CommandLine.EXPORT -> ExportCommand.run(cli.export(), station, cli.out(), dataDir,
                        ZoneId.systemDefault(), out, err);
                default -> AuditVerifier.run(dataDir.resolve("security"), out);
            };
        }
        logDir.ifPresent(FileLogs::install);
        if (command.isPresent()) { // record
            if (config.isDemo()) {
                err.println("lineside record: needs a station config: --config FILE"
                        + installed.map(l -> " or " + l.configFile()).orElse(""));
                return 2;
            }
            String clientId = config.clientId().orElseGet(() -> ClientIds.derive(dataDir));
            Clock clock = Clock.systemDefaultZone();
            return new Recorder().history(history).shiftReports(ShiftReports.forRecorder(config, station, history,
                    reportsFolder, clock))
                    .run(config, config.brokerUrl().orElseThrow(), clientId, dataDir, clock, out, err);
        }
        if (config.isDemo()) {
            try { // mappings an engineer saved in the demo (decision 0031); none saved: the built-in demo's
                config = config.withMappings(TagMappingService.loadDemo(dataDir, config.topicPrefix()));
            } catch (ConfigException e) {
                err.println("lineside: " + e.getMessage());
                startFailed(installed, cli, problem(e), problems);
                return 2;
            }
        }
        Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
        try {
            Files.createDirectories(dataDir);
            Clock clock = Clock.systemDefaultZone();
            Demo demo = config.isDemo() ? Demo.start(clock) : null;
            if (demo != null) {
                started.push(demo);
            }
            String brokerUrl = demo != null ? demo.brokerUrl() : config.brokerUrl().orElseThrow();
            String clientId = config.clientId().orElseGet(() -> ClientIds.derive(dataDir));
            StationSpine spine = StationSpine.open(config, brokerUrl, clientId, dataDir, clock);
            started.push(spine);
            Services services = spine.services();
            if (!spine.viewer()) {
                history.applyTo(services.writer()); // a viewer's scratch history is not the station's
            }
            SecurityServices security = new SecurityServices(dataDir, ClientIds.derive(dataDir), clock,
                    new PasswordHasher(), config.idleLock());
            started.push(security);
            ConnectionAudit connectionAudit = new ConnectionAudit(security.audit());
            started.push(connectionAudit);
            services.onConnectionStatus(connectionAudit::onStatus);
            AlarmActions alarmCommands = spine.viewer() ? new ViewerAlarmActions()
                    : new AlarmCommands(services.alarms(), security.actions(), security.session());
            if (demo != null) {
                demo.startSimulator(config.topicPrefix());
                Thread.ofPlatform().daemon().name("lineside-demo-users").start(() -> seedDemoUsers(security));
            }
            Texts texts = Texts.forLocale(config.language().map(Locale::forLanguageTag).orElse(Locale.getDefault()));
            OeeSettings oee = ShiftSetup.oee(station, config.isDemo(), ShiftSetup.gapRule(config, history));
            openWindow(services, security, alarmCommands, texts, config.isDemo(), spine.viewer(), station, oee,
                    display, reportsFolder, clock, started);
            return 0;
        } catch (HistoryException | SecurityStoreException | IOException | RuntimeException e) {
            err.println("lineside: " + message(e));
            closeAll(started);
            startFailed(installed, cli, StartupProblem.of(message(e)), problems);
            return 1;
        }
    }

    /** Logs why the HMI did not start (the installed station's log too) and shows it. */
    private static void startFailed(Optional<InstalledLayout> installed, CommandLine cli, StartupProblem problem,
                                    StartupProblems problems) {
        installed.map(InstalledLayout::logDir).ifPresent(FileLogs::install);
        LOG.log(System.Logger.Level.ERROR, "Lineside did not start: {0}", problem.message());
        Locale locale = cli == null ? Locale.getDefault()
                : cli.lang().map(Locale::forLanguageTag).orElse(Locale.getDefault());
        problems.show(locale, problem);
    }

    /** A config problem with its file, line and key apart, for the window. */
    static StartupProblem problem(ConfigException e) {
        return new StartupProblem(e.getMessage(), e.file(), e.line(), e.key(), e.problem());
    }

    private static Path defaultDataDir(boolean demo, Optional<InstalledLayout> installed) {
        return demo ? DataDirectories.defaultDataDir().resolve("demo")
                : installed.map(InstalledLayout::dataDir).orElseGet(DataDirectories::defaultDataDir);
    }

    private static int diagnose(CommandLine cli, Optional<Path> configFile, Optional<InstalledLayout> installed,
                                PrintStream out, PrintStream err) {
        Optional<Path> configured = Optional.empty();
        Optional<String> problem = Optional.empty();
        try {
            configured = configFile.isPresent() ? new ConfigLoader().load(configFile.get()).dataDir() : Optional.empty();
        } catch (ConfigException e) {
            problem = Optional.of(e.getMessage());
            err.println("lineside diagnose: " + e.getMessage() + " (bundled anyway)");
        }
        Path dataDir = cli.dataDir().orElse(configured.orElse(defaultDataDir(configFile.isEmpty(), installed)))
                .toAbsolutePath();
        Path bundle = cli.out().orElseGet(() -> Path.of("lineside-diagnostics-" + BUNDLE_STAMP.format(Instant.now())
                + ".zip"));
        return DiagnoseCommand.run(bundle, configFile, problem, dataDir, installed.map(InstalledLayout::logDir), out, err);
    }

    private static void seedDemoUsers(SecurityServices security) {
        try {
            security.seedDemoUsers();
        } catch (ActionRefusedException | SecurityStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "demo accounts not created: {0}", e.getMessage());
        }
    }

    private static void openWindow(Services services, SecurityServices security, AlarmActions alarmCommands,
                                   Texts texts, boolean demo, boolean viewer, Optional<StationProfile> station,
                                   OeeSettings oee, DisplayOptions display, Optional<Path> reportsFolder,
                                   Clock clock, Deque<AutoCloseable> started) {
        Thread hook = Thread.ofPlatform().unstarted(() -> closeAll(started));
        Runtime.getRuntime().addShutdownHook(hook);
        Platform.startup(() -> {
            LinesideWindow window = new LinesideWindow(services, security, alarmCommands, texts, demo, station, oee,
                    clock);
            // Reports of shifts that ended while the app was closed, then of each shift as it ends.
            if (!viewer) { // a live viewer's history is scratch: the recorder writes the station's reports
                ShiftReports reports = ShiftReports.of(services, station, oee, texts.bundle(),
                        station.map(StationProfile::name).orElse(demo ? "demo" : "lineside"), reportsFolder, clock);
                reports.start();
                started.push(reports);
            }
            station.ifPresent(s -> window.workshop().showOnly(s::shows)); // the areas and lines this station shows
            started.push(window::dispose);
            window.setDisplayOptions(display);
            Stage stage = new Stage();
            stage.setOnHidden(e -> {
                closeAll(started);
                Platform.exit();
            });
            // A live viewer says so where everyone looks: the station's history is the recorder's (decision 0008).
            window.show(stage, texts.get("app.title") + (viewer ? " \u2014 " + texts.get("app.title.viewer") : ""));
            new FirstFrameProbe(services.store()).start();
        });
    }

    /** Closes what was started, newest first; safe to call twice (the deque empties). */
    private static synchronized void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "shutdown step failed", e);
            }
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
