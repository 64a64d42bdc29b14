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
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
 * Issue 18's sign-off flow on the review window: the night shift of a simulated history (no broker), a stop given a
 * reason with a note, a handover note, the shift signed with the password again, then the PDF read back and rendered
 * with poppler. Screenshots at 1280×800 and 1920×1080 for the README.
 */
class ShiftSignOffFlowIT extends FxRobot {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 25);
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
    void aStopIsClassifiedTheShiftHandedOverAndSignedOff(String language) throws Exception {
        StationProfile station = new StationProfile("press-line-1", List.of(), List.of(), Optional.empty(),
                List.of(new StationProfile.Shift("early", LocalTime.of(6, 0), LocalTime.of(14, 0), "A"),
                        new StationProfile.Shift("late", LocalTime.of(14, 0), LocalTime.of(22, 0), "B"),
                        new StationProfile.Shift("night", LocalTime.of(22, 0), LocalTime.of(6, 0), "C")), 30, BERLIN);
        ShiftPeriod night = station.calendar().period(YESTERDAY, "night");
        Path data = dir.resolve("data");
        try (HistoryDatabase db = HistoryDatabase.open(data.resolve("db"))) {
            SimulatedShift.record(db, night.start().minus(Duration.ofMinutes(10)), night.end(), Duration.ofSeconds(5), 2, 5);
        }
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        services = new Services(AppConfig.demo(), "tcp://127.0.0.1:" + freePort(), "lineside-signoff-it", data, CLOCK);
        security = new SecurityServices(data, "it", CLOCK, new PasswordHasher(1_000));
        security.users().createFirstAdmin("admin", "admin-pass-1".toCharArray());
        security.session().login("admin", "admin-pass-1".toCharArray());
        AlarmCommands commands = new AlarmCommands(services.alarms(), security.actions(), security.session());
        FxToolkit.setupStage(stage -> {
            window = new LinesideWindow(services, security, commands, texts, true, Optional.of(station), CLOCK);
            window.show(stage, "Lineside");
        });

        clickOn(texts.get("review.open"));
        Stage review = Window.getWindows().stream().filter(w -> w instanceof Stage s
                && texts.get("review.title").equals(s.getTitle())).map(w -> (Stage) w).findFirst().orElseThrow();
        interact(() -> {
            review.setWidth(1280);
            review.setHeight(800);
            lookup(".shift-review .date-picker").queryAs(DatePicker.class).setValue(YESTERDAY);
            @SuppressWarnings("unchecked")
            ChoiceBox<String> shift = (ChoiceBox<String>) lookup(".shift-review .choice-box").queryAs(ChoiceBox.class);
            shift.setValue("night");
        });
        clickOn(button(texts.get("shift.show")));
        awaitComputed(night, null);
        ShiftFormat format = new ShiftFormat(texts.bundle(), BERLIN);

        // A stop: pick the first row, a reason, a note.
        TableView<?> stops = lookup(".shift-review .table-view").queryAllAs(TableView.class).stream().toList().get(1);
        assertTrue(stops.getItems().size() > 0, "the simulated night has stops");
        interact(() -> stops.getSelectionModel().select(0));
        var choice = window.shifts().book().choice("starved-supplier").orElseThrow();
        interact(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<Object> reason = (ChoiceBox<Object>) lookup(".shift-classify .choice-box").queryAs(ChoiceBox.class);
            reason.setValue(choice);
        });
        clickOn(lookup(".shift-classify .text-field").queryAs(TextField.class)).write("coil late");
        clickOn(button(texts.get("shift.classify.apply")));
        String label = format.reason("starved-supplier");
        awaitComputed(night, () -> window.shifts().stops().stream().anyMatch(r -> r.reason().contains(label)));
        assertTrue(window.shifts().pareto().stream().anyMatch(b -> b.reason().equals("starved-supplier")),
                "the Pareto has the reason's bar");

        clickOn(lookup(".shift-book .text-area").queryAs(TextArea.class)).write("Die 4 worn: change it first.");
        clickOn(button(texts.get("shift.handover.save")));
        awaitComputed(night, () -> window.shifts().book().handoverProperty().get().startsWith("Die 4"));

        clickOn(lookup(".shift-book .password-field").queryAs(PasswordField.class)).write("admin-pass-1");
        clickOn(button(texts.get("shift.signOff.button")));
        awaitComputed(night, () -> window.shifts().book().signedProperty().get());
        String status = lookup(".shift-signoff-status").queryAs(Label.class).getText();
        assertTrue(status.contains("admin"), status);
        assertTrue(lookup(".shift-classify .button").queryButton().isDisabled(), "a signed shift is not reclassified");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(review.getScene().getRoot(), "shift-signoff-" + language + "-1280x800"));
        interact(() -> {
            review.setWidth(1920);
            review.setHeight(1080);
        });
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Screenshots.save(review.getScene().getRoot(), "shift-signoff-" + language + "-1920x1080"));

        Path pdf = dir.resolve("night.pdf");
        interact(() -> window.shifts().exportPdf(pdf));
        Eventually.await("the PDF written", Duration.ofSeconds(60), () -> Files.exists(pdf)
                && !window.shifts().busyProperty().get());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        if (language.equals("en")) { // the zh-CN PDF falls back to English without a TrueType CJK font
            assertTrue(text.contains("Starved by supplier"), text);
            assertTrue(text.contains("coil late"), text);
            assertTrue(text.contains("Die 4 worn: change it first."), text);
            assertTrue(text.contains("Signed off by admin at"), text);
        }
        Files.createDirectories(Screenshots.DIR);
        Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "70", pdf.toString(),
                Screenshots.DIR.resolve("shift-signoff-report-" + language).toString()).redirectErrorStream(true).start();
        String out = new String(render.getInputStream().readAllBytes());
        assertEquals(0, render.waitFor(), out);
    }

    private Button button(String text) {
        return lookup(".shift-review .button").match(b -> ((Button) b).getText().equals(text)).queryButton();
    }

    private void awaitComputed(ShiftPeriod period, java.util.function.BooleanSupplier also) {
        Eventually.await("the shift computed", Duration.ofSeconds(120), () -> {
            ShiftReport r = window.shifts().reportProperty().get();
            return r != null && r.period().equals(period) && !window.shifts().busyProperty().get()
                    && (also == null || also.getAsBoolean());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
