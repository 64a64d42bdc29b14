package io.lineside.shifts.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.DiscreteCondition;
import io.lineside.alarms.Guidance;
import io.lineside.alarms.Priority;
import io.lineside.shifts.ShiftReport;
import io.lineside.tags.TagPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shift report prints the guidance of the alarms that annunciated in the shift (issue 16), read back as text. */
class ShiftReportPdfGuidanceTest {

    @TempDir
    Path dir;

    private static final TagPath FAULT_TAG = TagPath.parse("demo/assembly/line-1/press/state");
    private static final TagPath TEMP_TAG = TagPath.parse("demo/assembly/line-1/press/temperature");

    private static AlarmDefinition withGuidance() {
        AlarmDefinition s = AlarmDefinition.simple("PRESS-FAULT", FAULT_TAG, Priority.HIGH,
                new DiscreteCondition("fault", null));
        return new AlarmDefinition(s.id(), s.tag(), s.station(), s.priority(), s.condition(), s.onDelay(),
                s.offDelay(), false, s.realarmAfter(), s.maxShelve(),
                Map.of("en", "Press stopped on a fault", "zh-CN", "压机故障停机"),
                Optional.of(new Guidance("Die jammed or light curtain tripped", "Line starves within minutes",
                        "Clear the die, reset the light curtain", Duration.ofMinutes(5))), Optional.empty());
    }

    private static AlarmDefinition without() {
        return AlarmDefinition.simple("PRESS-TEMP-H", TEMP_TAG, Priority.LOW, new DiscreteCondition("hot", null));
    }

    private static AlarmEvent raise(AlarmDefinition d, Instant t) {
        return new AlarmEvent(t, d.id(), AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, d.priority(),
                d.station().area(), d.station().toString(), d.tag().toString(), "fault", AlarmEvent.SYSTEM, "",
                d.message("en"));
    }

    private static ShiftReport report(Instant t, AlarmDefinition... raised) {
        ShiftReport base = ShiftReportPdfTest.report();
        List<AlarmEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < raised.length; i++) {
            events.add(raise(raised[i], t.plusSeconds(60L * i)));
        }
        return new ShiftReport(base.period(), base.lines(), events, base.kpis(), base.computedAt());
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theShiftsAlarmsAreListedWithCauseConsequenceAndAction() throws Exception {
        Instant t = ShiftReportPdfTest.report().period().start().plusSeconds(600);
        AlarmDefinition fault = withGuidance();
        AlarmDefinition temp = without();
        Path file = dir.resolve("guidance.pdf");
        new ShiftReportPdf(List.of(), List.of(fault, temp)).write(report(t, fault, temp, fault),
                ResourceBundle.getBundle("io.lineside.i18n.messages", Locale.ROOT), java.time.ZoneOffset.UTC,
                "press-line-1", file);
        String text = text(file);
        assertTrue(text.contains("Guidance for the alarms of this shift"), text);
        assertTrue(text.contains("PRESS-FAULT · Press stopped on a fault · High · 2×"), text);
        assertTrue(text.contains("Cause: Die jammed or light curtain tripped"), text);
        assertTrue(text.contains("Consequence: Line starves within minutes"), text);
        assertTrue(text.contains("Action: Clear the die, reset the light curtain"), text);
        assertTrue(text.contains("Respond within 5 min"), text);
        assertTrue(text.contains("PRESS-TEMP-H"), text);
        assertTrue(text.contains("No guidance configured for this alarm."), text);
        assertTrue(text.indexOf("PRESS-FAULT") < text.indexOf("PRESS-TEMP-H"), "most frequent first: " + text);
    }

    @Test
    void aShiftWithoutAlarmsHasNoGuidanceSection() throws Exception {
        Path file = dir.resolve("none.pdf");
        new ShiftReportPdf(List.of(), List.of(withGuidance())).write(ShiftReportPdfTest.report(),
                ResourceBundle.getBundle("io.lineside.i18n.messages", Locale.ROOT), java.time.ZoneOffset.UTC,
                "press-line-1", file);
        assertFalse(text(file).contains("Guidance for the alarms"));
    }

    @Test
    void chineseReportPrintsTheChineseMessageAndGuidanceLabels() throws Exception {
        assumeTrue(PdfFonts.CJK.stream().anyMatch(f -> Files.isReadable(Path.of(f[0]))), "no TrueType CJK font installed");
        Instant t = ShiftReportPdfTest.report().period().start().plusSeconds(600);
        AlarmDefinition fault = withGuidance();
        Path file = dir.resolve("guidance-zh.pdf");
        new ShiftReportPdf(PdfFonts.CJK, List.of(fault)).write(report(t, fault),
                ResourceBundle.getBundle("io.lineside.i18n.messages", Locale.SIMPLIFIED_CHINESE),
                java.time.ZoneOffset.UTC, "press-line-1", file);
        String text = text(file);
        assertTrue(text.contains("本班次报警的处置指引"), text);
        assertTrue(text.contains("压机故障停机"), text);
        assertTrue(text.contains("原因：Die jammed"), text);
    }
}
