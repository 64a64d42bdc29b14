package io.lineside.app;

import io.lineside.shifts.ShiftAnalyzer;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftPeriod;
import io.lineside.shifts.ShiftReport;
import io.lineside.shifts.pdf.ShiftReportPdf;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes the PDF report of every shift that has ended into {@code <dataDir>/reports/}, including shifts that ended
 * while the app was closed: the end of the last shift reported is remembered in {@code reports/last-shift-end}, and
 * on start (then every few minutes) every shift that ended since, at most {@link #LOOK_BACK} ago, gets its report.
 * A shift without any station history gets none. Runs on its own daemon thread; never on the FX thread.
 */
final class ShiftReports implements AutoCloseable {

    static final Duration LOOK_BACK = Duration.ofDays(7);
    static final Duration CHECK_EVERY = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(ShiftReports.class.getName());

    private final ShiftCalendar calendar;
    private final ShiftAnalyzer analyzer;
    private final ResourceBundle bundle;
    private final String workstation;
    private Path dir;
    private final Clock clock;
    private ScheduledExecutorService timer;

    private java.util.List<io.lineside.alarms.AlarmDefinition> alarms = java.util.List.of();

    ShiftReports(ShiftCalendar calendar, ShiftAnalyzer analyzer, ResourceBundle bundle, String workstation, Path dataDir,
                 Clock clock) {
        this.calendar = calendar;
        this.analyzer = analyzer;
        this.bundle = bundle;
        this.workstation = workstation;
        this.dir = dataDir.resolve("reports");
        this.clock = clock;
    }

    /** The configured alarms, whose guidance each report prints for the shift's alarms; call before {@link #start}. */
    ShiftReports alarmGuidance(java.util.List<io.lineside.alarms.AlarmDefinition> definitions) {
        this.alarms = java.util.List.copyOf(definitions);
        return this;
    }

    /**
     * What {@code lineside record} writes: the station's calendar, OEE settings with its gap rule, the config's
     * language, into {@code folder} (else {@code <dataDir>/reports}).
     */
    static java.util.function.Function<Services, ShiftReports> forRecorder(AppConfig config,
            java.util.Optional<StationProfile> station, HistorySettings history, java.util.Optional<Path> folder,
            Clock clock) {
        io.lineside.shifts.OeeSettings oee = ShiftSetup.oee(station, false, ShiftSetup.gapRule(config, history));
        ResourceBundle bundle = io.lineside.ui.Texts.forLocale(config.language()
                .map(java.util.Locale::forLanguageTag).orElse(java.util.Locale.getDefault())).bundle();
        return services -> of(services, station, oee, bundle, station.map(StationProfile::name).orElse("lineside"),
                folder, clock);
    }

    /**
     * The reports of {@code services}' history, HMI and recorder alike: the station's calendar and the configured
     * alarms' guidance, into {@code folder} (the station's {@code reportsFolder}) or else {@code <dataDir>/reports}.
     */
    static ShiftReports of(Services services, java.util.Optional<StationProfile> station,
                           io.lineside.shifts.OeeSettings oee, ResourceBundle bundle, String workstation,
                           java.util.Optional<Path> folder, Clock clock) {
        ShiftReports reports = new ShiftReports(ShiftSetup.calendar(station, clock.getZone()),
                new ShiftAnalyzer(services.query(), services.alarms().journal(), oee, clock).withBook(
                        new io.lineside.history.ShiftBook(services.database()), station
                                .map(StationProfile::downtimeReasons).orElse(io.lineside.shifts.ReasonTree.DEFAULT)),
                bundle, workstation, services.dataDir(), clock).alarmGuidance(services.alarms().definitions());
        return folder.map(reports::folder).orElse(reports);
    }

    /** Writes into {@code folder} (the station's {@code reportsFolder}) instead of {@code <dataDir>/reports}. */
    ShiftReports folder(Path folder) {
        this.dir = folder;
        return this;
    }

    /** Catches up now in the background, then checks every {@link #CHECK_EVERY}. */
    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("lineside-shift-reports").daemon().unstarted(r));
        timer.scheduleWithFixedDelay(this::catchUpLogged, 0, CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void catchUpLogged() {
        try {
            List<Path> written = catchUp();
            if (!written.isEmpty()) {
                LOG.log(Level.INFO, "shift reports written: {0}", written);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "shift reports not written (retried in " + CHECK_EVERY.toMinutes() + " min): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes the reports due now, oldest first, remembering each as done; returns the files written. A failure
     * stops the run and the same shift is tried again next time. A report already in the folder is kept as it is
     * (idempotent: a lost marker or a second process never rewrites a file a supervisor may have filed); each is
     * written beside its name and moved into place, so a crash leaves no half file under it.
     */
    List<Path> catchUp() throws Exception {
        Instant now = clock.instant();
        Instant since = lastReportedEnd().filter(t -> t.isAfter(now.minus(LOOK_BACK))).orElse(now.minus(LOOK_BACK));
        List<Path> written = new ArrayList<>();
        for (ShiftPeriod period : calendar.endedBetween(since, now)) {
            ShiftReport report = analyzer.analyze(period);
            if (report.hasHistory()) {
                Files.createDirectories(dir);
                Path file = dir.resolve(period.key().replace('/', '-') + ".pdf");
                if (!Files.exists(file)) {
                    Path partial = dir.resolve(file.getFileName() + ".part");
                    ShiftReportPdf.withGuidance(alarms).write(report, bundle, calendar.zone(), workstation, partial);
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                    written.add(file);
                }
            }
            remember(period.end());
        }
        return written;
    }

    private java.util.Optional<Instant> lastReportedEnd() {
        Path marker = dir.resolve("last-shift-end");
        try {
            return Files.exists(marker)
                    ? java.util.Optional.of(Instant.parse(Files.readString(marker, StandardCharsets.UTF_8).trim()))
                    : java.util.Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            LOG.log(Level.WARNING, "ignoring unreadable " + marker + ": " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void remember(Instant end) throws IOException {
        Files.createDirectories(dir);
        Path partial = dir.resolve("last-shift-end.part");
        Files.writeString(partial, end.toString() + "\n", StandardCharsets.UTF_8);
        Files.move(partial, dir.resolve("last-shift-end"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
