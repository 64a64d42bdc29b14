package io.lineside.shifts.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lineside.alarms.AlarmKpis;
import io.lineside.shifts.CounterIncrease;
import io.lineside.shifts.Downtime;
import io.lineside.shifts.Oee;
import io.lineside.shifts.OeeFigures;
import io.lineside.shifts.ShiftCalendar;
import io.lineside.shifts.ShiftDefinition;
import io.lineside.shifts.ShiftPeriod;
import io.lineside.shifts.ShiftReport;
import io.lineside.shifts.StateSpan;
import io.lineside.tags.StationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.pdfbox.Loader;
import io.lineside.testsupport.Screenshots;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF is parsed back with PDFBox's text stripper: the figures and labels must be in it. */
class ShiftReportPdfTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    /** A night shift with 380 of 480 min running, 342 parts of which 18 scrap: OEE 67.5 %. */
    static ShiftReport report() {
        ShiftPeriod night = new ShiftCalendar(List.of(new ShiftDefinition("night", LocalTime.of(22, 0),
                LocalTime.of(6, 0), "C")), BERLIN).period(LocalDate.of(2026, 11, 25), "night");
        Instant t = night.start();
        List<StateSpan> timeline = List.of(
                new StateSpan(StationState.RUNNING, t, t.plus(Duration.ofMinutes(120)), ""),
                new StateSpan(StationState.FAULT, t.plus(Duration.ofMinutes(120)), t.plus(Duration.ofMinutes(180)), "jam"),
                new StateSpan(StationState.RUNNING, t.plus(Duration.ofMinutes(180)), t.plus(Duration.ofMinutes(300)), ""),
                new StateSpan(StationState.IDLE, t.plus(Duration.ofMinutes(300)), t.plus(Duration.ofMinutes(340)), ""),
                new StateSpan(StationState.RUNNING, t.plus(Duration.ofMinutes(340)), night.end(), ""));
        OeeFigures oee = Oee.compute(timeline, 342, 18, Duration.ofSeconds(60), false);
        List<Downtime> stops = new ArrayList<>(Downtime.of("pack", timeline));
        for (int i = 0; i < 30; i++) { // more than a page holds: the longest are printed, the rest counted
            Instant s = t.plus(Duration.ofMinutes(5 + i));
            stops.add(new Downtime("press", StationState.FAULT, s, s.plusSeconds(10 + i), i % 2 == 0 ? "tool" : "material"));
        }
        List<CounterIncrease.Point> produced = List.of(new CounterIncrease.Point(t.plusSeconds(60), 1),
                new CounterIncrease.Point(t.plus(Duration.ofHours(4)), 170), new CounterIncrease.Point(night.end(), 342));
        ShiftReport.Line line = new ShiftReport.Line("demo/assembly/line-1", "pack", oee,
                List.of(new ShiftReport.Station("press", oee), new ShiftReport.Station("pack", oee)), stops,
                Downtime.pareto(stops), produced);
        return new ShiftReport(night, List.of(line), List.of(), AlarmKpis.compute(List.of(), night.start(), night.end()),
                night.end().plusSeconds(30));
    }

    /** Page 1 as a PNG under target/screenshots, for a person to look at. */
    private static void render(Path pdf, String name) throws Exception {
        Files.createDirectories(Screenshots.DIR);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            javax.imageio.ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png",
                    Screenshots.DIR.resolve(name + ".png").toFile());
        }
        Files.copy(pdf, Screenshots.DIR.resolve(name + ".pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void englishReportCarriesTheShiftTheFiguresAndTheStops() throws Exception {
        Path file = dir.resolve("night.pdf");
        boolean localized = new ShiftReportPdf().write(report(), ResourceBundle.getBundle("io.lineside.i18n.messages",
                Locale.ROOT), BERLIN, "press-line-1", file);
        assertTrue(localized);
        String text = text(file);
        assertTrue(text.contains("Shift report"), text);
        assertTrue(text.contains("night 2026-11-25"), text);
        assertTrue(text.contains("crew C"), text);
        assertTrue(text.contains("2026-11-25 22:00") && text.contains("2026-11-26 06:00") && text.contains("Europe/Berlin"), text);
        assertTrue(text.contains("press-line-1"), text);
        assertTrue(text.contains("OEE 67.5 %"), text);
        assertTrue(text.contains("79.2 %"), "availability 380/480: " + text);
        assertTrue(text.contains("90.0 %"), "performance 342/380: " + text);
        assertTrue(text.contains("94.7 %"), "quality 324/342: " + text);
        assertTrue(text.contains("342") && text.contains("18"), text);
        assertTrue(text.contains("Jam") && text.contains("Changeover"), text);
        assertTrue(text.contains("1 h 00 min"), "the jam's duration: " + text);
        assertTrue(text.contains("and 10 more stops"), "32 stops, 22 printed: " + text);
        assertFalse(Files.exists(dir.resolve("night.pdf.part")));
        render(file, "shift-report-en");
    }

    @Test
    void chineseReportEmbedsACjkFont() throws Exception {
        assumeTrue(PdfFonts.CJK.stream().anyMatch(f -> Files.isReadable(Path.of(f[0]))), "no TrueType CJK font installed");
        Path file = dir.resolve("night-zh.pdf");
        boolean localized = new ShiftReportPdf().write(report(), ResourceBundle.getBundle("io.lineside.i18n.messages",
                Locale.SIMPLIFIED_CHINESE), BERLIN, "press-line-1", file);
        assertTrue(localized);
        String text = text(file);
        assertTrue(text.contains("班次报告"), text);
        assertTrue(text.contains("卡料") && text.contains("换型"), text);
        assertTrue(text.contains("67.5 %"), text);
        assertTrue(Files.size(file) < 500_000, "a subset, not the whole font: " + Files.size(file));
        render(file, "shift-report-zh");
    }

    @Test
    void withoutACjkFontTheChineseReportFallsBackToEnglishAndSaysWhy() throws Exception {
        Path file = dir.resolve("night-fallback.pdf");
        boolean localized = new ShiftReportPdf(List.of()).write(report(), ResourceBundle.getBundle(
                "io.lineside.i18n.messages", Locale.SIMPLIFIED_CHINESE), BERLIN, "press-line-1", file);
        assertFalse(localized);
        String text = text(file);
        assertTrue(text.contains("Shift report") && text.contains("OEE 67.5 %"), text);
        assertTrue(text.contains("fonts-wqy-microhei"), text);
        assertEquals(-1, text.indexOf('班'));
    }
}
