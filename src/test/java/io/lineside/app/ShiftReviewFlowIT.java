package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmCommands;
import io.lineside.history.HistoryDatabase;
import io.lineside.security.PasswordHasher;
import io.lineside.shifts.OeeFigures;
import io.lineside.shifts.ShiftAnalyzer;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftFormat;
import io.lineside.shifts.ShiftPeriod;
import io.lineside.shifts.ShiftReport;
import io.lineside.telemetry.ConnectionState;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Screenshots;
import io.lineside.testsupport.SimulatedShift;
import io.lineside.ui.Texts;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A supervisor reviews yesterday's night shift with the broker down: history filled by the simulator's model on a
 * test clock (no broker anywhere), the review window opened from the status bar, the night shift picked, the OEE
 * shown compared with the core computation, a PDF exported and read back.
 */
class ShiftReviewFlowIT extends FxRobot {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 25);
    /** 09:30 in Berlin the morning after. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:30:00Z"), BERLIN);

    @TempDir
    Path dir;

    private Services services;
    private SecurityServices security;
    private LinesideWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            interact(() -> window.dispose());
        }
        if (security != null) {
            security.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void supervisorOpensYesterdaysNightShiftWithTheBrokerDown(String language) throws Exception {
        StationProfile station = new StationProfile("press-line-1", List.of(), List.of(), Optional.empty(),
                List.of(new StationProfile.Shift("early", LocalTime.of(6, 0), LocalTime.of(14, 0), "A"),
                        new StationProfile.Shift("late", LocalTime.of(14, 0), LocalTime.of(22, 0), "B"),
                        new StationProfile.Shift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), "C")), 30, BERLIN);
        ShiftCalendar calendar = station.calendar();
        ShiftPeriod night = calendar.period(YESTERDAY, "night");
        Path data = dir.resolve("data");
        try (HistoryDatabase db = HistoryDatabase.open(data.resolve("db"))) {
            SimulatedShift.record(db, night.start().minus(Duration.ofMinutes(10)), night.end(), Duration.ofSeconds(5), 2, 5);
        }
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        services = new Services(AppConfig.demo(), "tcp://127.0.0.1:" + freePort(), "lineside-shift-it", data, CLOCK);
        security = new SecurityServices(data, "it", CLOCK, new PasswordHasher(1_000));
        security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
        security.session().login("admin", "admin-pass-1".toCharArray());
        AlarmCommands commands = new AlarmCommands(services.alarms(), security.actions(), security.session());
        FxToolkit.setupStage(stage -> {
            window = new LinesideWindow(services, security, commands, texts, true, Optional.of(station), CLOCK);
            window.show(stage, "Lineside");
        });
        assertTrue(services.connection().status().state() != ConnectionState.ONLINE, "no broker anywhere");

        clickOn(texts.get("review.open"));
        Stage review = reviewStage(texts);
        interact(() -> {
            lookup(".shift-review .date-picker").queryAs(DatePicker.class).setValue(YESTERDAY);
            @SuppressWarnings("unchecked")
            ChoiceBox<String> shift = (ChoiceBox<String>) lookup(".shift-review .choice-box").queryAs(ChoiceBox.class);
            shift.setValue("night");
        });
        clickOn(lookup(".shift-review .button").match(b -> ((Button) b).getText().equals(texts.get("shift.show")))
                .queryButton());
        Eventually.await("the night shift computed", Duration.ofSeconds(120),
                () -> window.shifts().reportProperty().get() != null
                        && window.shifts().reportProperty().get().period().equals(night)
                        && !window.shifts().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        ShiftReport core = new ShiftAnalyzer(services.query(), services.alarms().journal(), ShiftSetup.oee(true), CLOCK)
                .analyze(night);
        OeeFigures line1 = core.lines().getFirst().oee();
        ShiftFormat format = new ShiftFormat(texts.bundle(), BERLIN);
        assertEquals(format.percent(line1.oee()), label(".shift-figure-main .shift-figure-value"));
        List<String> figures = lookup(".shift-figure-value").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertEquals(List.of(format.percent(line1.oee()), format.percent(line1.availability()),
                format.percent(line1.performance()), format.percent(line1.quality())), figures);
        assertTrue(line1.oee() > 0.3 && line1.oee() < 1, "a plausible OEE " + line1.oee());
        assertTrue(lookup(".offline-badge").queryAs(Label.class).isVisible(), "the review says it shows history");
        assertEquals(6, lookup(".shift-review .table-view").queryAllAs(TableView.class).iterator().next().getItems().size());
        assertEquals(format.header(night), label(".shift-header"));

        List<ChoiceBox> boxes = lookup(".shift-review .choice-box").queryAllAs(ChoiceBox.class).stream().toList();
        assertEquals("demo/assembly/line-1", boxes.get(1).getValue(), "the line shown is named in its chooser");
        interact(() -> review.setWidth(1400));
        interact(() -> review.setHeight(860));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(review.getScene().getRoot(), "shift-review-" + language));

        Path pdf = dir.resolve("night.pdf");
        interact(() -> window.shifts().exportPdf(pdf));
        Eventually.await("the PDF written", Duration.ofSeconds(60), () -> Files.exists(pdf)
                && !window.shifts().busyProperty().get());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains(format.percent(line1.oee())), text);
        assertTrue(text.contains("demo/assembly/line-2"), text);
        assertTrue(label(".shift-review > .review-message").contains(pdf.toString()), "the review says where the PDF went");
        assertTrue(text.contains(format.zoneLabel()), "the report says which zone its times are in");
        assertTrue(label(".zone-label").contains("Europe/Berlin"), "the review says which zone its times are in");

        // The file opens in another reader too: poppler renders every page (looked at for the README image).
        Files.createDirectories(Screenshots.DIR);
        Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "70", pdf.toString(),
                Screenshots.DIR.resolve("shift-report-" + language).toString()).redirectErrorStream(true).start();
        String out = new String(render.getInputStream().readAllBytes());
        assertEquals(0, render.waitFor(), out);
        assertTrue(Files.size(Screenshots.DIR.resolve("shift-report-" + language + "-1.png")) > 10_000, "page 1 drawn");
    }

    private Stage reviewStage(Texts texts) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && texts.get("review.title").equals(s.getTitle()))
                .map(w -> (Stage) w).findFirst().orElseThrow();
    }

    private String label(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // nothing listens there once closed: the broker is "down"
        }
    }
}
