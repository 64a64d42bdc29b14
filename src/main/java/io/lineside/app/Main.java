package io.lineside.app;

import io.lineside.history.HistoryException;
import io.lineside.security.ActionRefusedException;
import io.lineside.security.AuditVerifier;
import io.lineside.security.PasswordHasher;
import io.lineside.security.SecurityStoreException;
import io.lineside.ui.Texts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Entry point and composition root: reads the command line and config, starts the spine (and in demo mode
 * the embedded broker and simulator), then opens the main window. A bad configuration stops the start
 * with one line on stderr and exit code 2, before anything is half-built.
 */
public final class Main {

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine cli;
        AppConfig config;
        try {
            cli = CommandLine.parse(args);
            if (cli.help()) {
                out.println(CommandLine.USAGE);
                return 0;
            }
            config = cli.config().isPresent() ? new ConfigLoader().load(cli.config().get()) : AppConfig.demo();
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("lineside: " + e.getMessage());
            return 2;
        }
        config = cli.dataDir().map(config::withDataDir).orElse(config);
        config = cli.lang().map(config::withLanguage).orElse(config);
        // The demo keeps its own directory: its documented accounts must never exist on a configured station.
        Path defaultDir = config.isDemo() ? DataDirectories.defaultDataDir().resolve("demo")
                : DataDirectories.defaultDataDir();
        Path dataDir = config.dataDir().orElse(defaultDir).toAbsolutePath();
        if (cli.command().isPresent()) { // audit-verify, the only command so far
            return AuditVerifier.run(dataDir.resolve("security"), out);
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
            Services services = new Services(config, brokerUrl, clientId, dataDir, clock);
            started.push(services);
            SecurityServices security = new SecurityServices(dataDir, ClientIds.derive(dataDir), clock,
                    new PasswordHasher(), config.idleLock());
            started.push(security);
            AlarmCommands alarmCommands = new AlarmCommands(services.alarms(), security.actions(), security.session());
            if (demo != null) {
                demo.startSimulator(config.topicPrefix());
                Thread.ofPlatform().daemon().name("lineside-demo-users").start(() -> seedDemoUsers(security));
            }
            Texts texts = Texts.forLocale(config.language().map(Locale::forLanguageTag).orElse(Locale.getDefault()));
            openWindow(services, security, alarmCommands, texts, config.isDemo(), clock, started);
            return 0;
        } catch (HistoryException | SecurityStoreException | IOException | RuntimeException e) {
            err.println("lineside: " + message(e));
            closeAll(started);
            return 1;
        }
    }

    private static void seedDemoUsers(SecurityServices security) {
        try {
            security.seedDemoUsers();
        } catch (ActionRefusedException | SecurityStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "demo accounts not created: {0}", e.getMessage());
        }
    }

    private static void openWindow(Services services, SecurityServices security, AlarmCommands alarmCommands,
                                   Texts texts, boolean demo, Clock clock, Deque<AutoCloseable> started) {
        Thread hook = Thread.ofPlatform().unstarted(() -> closeAll(started));
        Runtime.getRuntime().addShutdownHook(hook);
        Platform.startup(() -> {
            LinesideWindow window = new LinesideWindow(services, security, alarmCommands, texts, demo, clock);
            started.push(window::dispose);
            Stage stage = new Stage();
            stage.setOnHidden(e -> {
                closeAll(started);
                Platform.exit();
            });
            window.show(stage, texts.get("app.title"));
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
