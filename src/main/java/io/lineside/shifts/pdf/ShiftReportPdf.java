package io.lineside.shifts.pdf;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.KpiReport;
import io.lineside.shifts.Downtime;
import io.lineside.shifts.OeeFigures;
import io.lineside.shifts.ShiftFormat;
import io.lineside.shifts.ShiftReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Writes a {@link ShiftReport} as an A4 PDF: title, workstation, shift and times with zone, then per line its OEE
 * table, a downtime Pareto, the output trend and its stops, then the shift's alarm KPIs. Chinese needs a TrueType
 * CJK font ({@link PdfFonts}); without one the report is written in English and says why.
 *
 * <p>Stateless; safe from any thread. Does file I/O: never call it on the FX thread.
 */
public final class ShiftReportPdf {

    static final int MAX_STOP_ROWS = 22;
    private static final String[] STATION_COLUMNS = {"shift.station", "shift.parts", "shift.scrap", "shift.runTime",
        "shift.downTime", "shift.unknown", "shift.availability", "shift.performance", "shift.quality", "shift.oee"};
    /** Left edge of the name column, then the right edge of each figure column, from the left margin. */
    private static final float[] STATION_RIGHT = {0, 140, 172, 228, 284, 336, 384, 432, 474, 515};

    /** The width a line of running text may take between the margins. */
    static final float TEXT_WIDTH = PdfCanvas.WIDTH - 2 * PdfCanvas.MARGIN;

    /** How many of the shift's alarms get their guidance printed (the most frequent first). */
    static final int MAX_GUIDANCE_ROWS = 12;

    private final List<String[]> cjkFonts;
    private final java.util.Map<String, AlarmDefinition> definitions;

    public ShiftReportPdf() {
        this(PdfFonts.CJK, List.of());
    }

    /**
     * @param definitions the configured alarms: the report prints the guidance (cause, consequence, corrective
     *                    action) of each alarm that annunciated in the shift
     */
    public static ShiftReportPdf withGuidance(java.util.Collection<AlarmDefinition> definitions) {
        return new ShiftReportPdf(PdfFonts.CJK, definitions);
    }

    /** @param cjkFonts where to look for a CJK font (tests pass none to see the fallback) */
    ShiftReportPdf(List<String[]> cjkFonts) {
        this(cjkFonts, List.of());
    }

    ShiftReportPdf(List<String[]> cjkFonts, java.util.Collection<AlarmDefinition> definitions) {
        this.cjkFonts = List.copyOf(cjkFonts);
        this.definitions = definitions.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                AlarmDefinition::id, d -> d, (a, b) -> a));
    }

    /**
     * Writes the report to {@code file} (via a temporary file beside it, so a failure never leaves half a PDF).
     *
     * @param bundle      the labels in the reader's language
     * @param workstation the workstation's name, shown in the title block
     * @return true if the labels are in the bundle's language; false if they fell back to English for want of a font
     */
    public boolean write(ShiftReport report, ResourceBundle bundle, ZoneId zone, String workstation, Path file)
            throws IOException {
        boolean wantCjk = bundle.getLocale() != null && bundle.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        boolean localized;
        try (PDDocument doc = new PDDocument();
             PdfFonts.Loaded font = PdfFonts.load(doc, wantCjk, cjkFonts)) {
            localized = !wantCjk || font.cjk();
            ShiftFormat format = new ShiftFormat(localized ? bundle : english(), zone).withReasons(report.reasons());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(format.text("shift.report.title") + " " + report.period().key());
            info.setCreator("Lineside HMI");
            try (PdfCanvas c = new PdfCanvas(doc, font.font())) {
                c.newPage();
                title(c, report, format, workstation, localized);
                for (ShiftReport.Line line : report.lines()) {
                    new LineSection(c, format, report).draw(line);
                }
                if (report.lines().isEmpty()) {
                    c.text(PdfCanvas.MARGIN, c.y - 14, 10, PdfCanvas.MUTED, format.text("shift.noLines"));
                    c.y -= 24;
                }
                alarms(c, report.kpis(), report.alarms().size(), format);
                guidance(c, report.alarms(), format, localized ? bundle.getLocale() : Locale.ROOT);
            }
            doc.save(partial.toFile());
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return localized;
    }

    private static void title(PdfCanvas c, ShiftReport report, ShiftFormat f, String workstation, boolean localized)
            throws IOException {
        float x = PdfCanvas.MARGIN;
        c.text(x, c.y - 18, 18, PdfCanvas.INK, f.text("shift.report.title"));
        c.text(x, c.y - 36, 10, PdfCanvas.INK, f.header(report.period()));
        c.text(x, c.y - 50, 8, PdfCanvas.MUTED, f.text("shift.report.workstation", workstation) + "    "
                + f.text("shift.report.generated", f.dateTime(report.computedAt())) + "    " + f.zoneLabel());
        c.y -= 56;
        if (!localized) {
            c.y -= 10;
            c.paragraph(x, 8, 10, PdfCanvas.LINE, f.text("shift.report.fontMissing"), TEXT_WIDTH);
        }
        c.line(x, c.y - 4, PdfCanvas.WIDTH - x, c.y - 4, PdfCanvas.RULE, 0.8f);
        c.y -= 12;
    }

    private static void alarms(PdfCanvas c, KpiReport k, int events, ShiftFormat f) throws IOException {
        c.need(90);
        float x = PdfCanvas.MARGIN;
        c.text(x, c.y - 14, 12, PdfCanvas.INK, f.text("shift.alarms"));
        c.y -= 30;
        List<String> lines = new java.util.ArrayList<>(List.of(
                f.text("shift.alarmCount", events, k.annunciations()),
                f.text("kpi.rate", one(k.averagePer10Minutes()), k.peakPer10Minutes()),
                f.text("kpi.flood", one(k.percentInFlood())),
                f.text("kpi.mix", one(k.priorityMix().lowPercent()), one(k.priorityMix().mediumPercent()),
                        one(k.priorityMix().highPercent())),
                f.text("kpi.ack", k.ackTimes().count(), ShiftFormat.duration(k.ackTimes().average()),
                        ShiftFormat.duration(k.ackTimes().longest()))));
        if (!k.badActors().isEmpty()) {
            lines.add(f.text("kpi.badActors") + ": " + String.join(", ", k.badActors().stream().limit(5)
                    .map(a -> a.alarmId() + " (" + a.count() + ")").toList()));
        }
        for (String line : lines) {
            c.paragraph(x, 9, 13, PdfCanvas.INK, line, TEXT_WIDTH);
        }
    }

    /**
     * The guidance of the shift's alarms (ISA-18.2 alarm response): for each alarm that annunciated, most frequent
     * first, its message, priority and count, then cause, consequence, corrective action and time to respond.
     */
    private void guidance(PdfCanvas c, List<AlarmEvent> events, ShiftFormat f, Locale locale) throws IOException {
        java.util.Map<String, Long> counts = events.stream().filter(AlarmEvent::annunciation)
                .collect(java.util.stream.Collectors.groupingBy(AlarmEvent::alarmId,
                        java.util.LinkedHashMap::new, java.util.stream.Collectors.counting()));
        List<String> ids = counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .map(java.util.Map.Entry::getKey).toList();
        if (ids.isEmpty()) {
            return;
        }
        String language = locale.getLanguage().isEmpty() ? "en" : locale.toLanguageTag();
        c.need(60);
        float x = PdfCanvas.MARGIN;
        c.y -= 8;
        c.text(x, c.y - 14, 12, PdfCanvas.INK, f.text("shift.alarmGuidance"));
        c.y -= 30;
        for (String id : ids.stream().limit(MAX_GUIDANCE_ROWS).toList()) {
            AlarmDefinition d = definitions.get(id);
            c.need(40);
            String head = id + " \u00B7 " + (d == null ? "" : d.message(language) + " \u00B7 "
                    + d.priority().displayName() + " \u00B7 ") + counts.get(id) + "\u00D7";
            c.paragraph(x, 9, 12, PdfCanvas.INK, head, TEXT_WIDTH);
            String text = d == null ? f.text("shift.alarmNotConfigured")
                    : d.guidance().map(g -> f.text("shift.alarmGuidanceLine", g.cause(language), g.consequence(language),
                            g.action(language),
                            g.timeToRespond().toMinutes())).orElse(f.text("shift.alarmNoGuidance"));
            c.paragraph(x + 10, 8, 11, PdfCanvas.MUTED, text, TEXT_WIDTH - 10);
            c.y -= 3;
        }
        if (ids.size() > MAX_GUIDANCE_ROWS) {
            c.paragraph(x, 8, 11, PdfCanvas.MUTED, f.text("shift.alarmGuidanceMore", ids.size() - MAX_GUIDANCE_ROWS),
                    TEXT_WIDTH);
        }
    }

    /** One line's section: heading, station table, the two charts side by side, then its stops. */
    private record LineSection(PdfCanvas c, ShiftFormat f, ShiftReport report) {

        void draw(ShiftReport.Line line) throws IOException {
            c.need(420);
            float x = PdfCanvas.MARGIN;
            OeeFigures o = line.oee();
            c.text(x, c.y - 14, 13, PdfCanvas.INK, line.name());
            c.textRight(PdfCanvas.WIDTH - x, c.y - 14, 13, o.valid() ? PdfCanvas.INK : PdfCanvas.ALARM,
                    f.text("shift.oee") + " " + f.figure(o.oee(), o));
            c.y -= 28;
            c.paragraph(x, 8, 10, PdfCanvas.MUTED, f.text("shift.lineOee", line.output()) + "  \u00B7  "
                    + f.text("shift.availability") + " " + f.figure(o.availability(), o) + "  \u00B7  "
                    + f.text("shift.performance") + " " + f.figure(o.performance(), o) + "  \u00B7  "
                    + f.text("shift.quality") + " " + f.figure(o.quality(), o) + "  \u00B7  "
                    + f.text("shift.unknown") + " " + ShiftFormat.duration(o.unknown()) + " ("
                    + f.percent(o.unknownShare()) + ")"
                    + (o.uncounted() > 0 ? "  \u00B7  " + f.text("shift.uncounted", o.uncounted()) : ""),
                    TEXT_WIDTH);
            if (!o.valid()) {
                c.paragraph(x, 9, 11, PdfCanvas.ALARM, f.warning(o), TEXT_WIDTH);
            }
            c.y -= 2;
            stations(line);
            float chartTop = c.y;
            float half = (PdfCanvas.WIDTH - 2 * x - 20) / 2;
            PdfCharts.pareto(c, x, chartTop, half, 150, f.text("shift.pareto"), line.pareto(), f);
            PdfCharts.output(c, x + half + 20, chartTop, half, 150, f.text("shift.output", line.output()),
                    line.produced(), report.period().start(), report.computedAt().isBefore(report.period().end())
                            ? report.computedAt() : report.period().end(), f);
            c.y = chartTop - 160;
            paretoTable(line.pareto());
            stops(line.stops());
            book(report.book(line.name()));
            c.y -= 10;
        }

        /** The Pareto's figures: minutes, stops and cumulative share per reason, as the chart draws them. */
        private void paretoTable(List<Downtime.ParetoBar> bars) throws IOException {
            if (bars.isEmpty()) {
                return;
            }
            float x = PdfCanvas.MARGIN;
            c.need(30);
            float[] right = {0, 330, 380, 450};
            String[] head = {f.text("shift.reason"), f.text("shift.minutes"), f.text("shift.stops"),
                f.text("shift.cumulative")};
            c.box(x, c.y - 11, PdfCanvas.WIDTH - 2 * x, 12, PdfCanvas.SHADE);
            c.text(x, c.y - 8, 7, PdfCanvas.INK, head[0]);
            for (int i = 1; i < head.length; i++) {
                c.textRight(x + right[i], c.y - 8, 7, PdfCanvas.INK, head[i]);
            }
            c.y -= 21;
            for (Downtime.ParetoBar b : bars) {
                c.need(12);
                c.text(x, c.y, 8, PdfCanvas.INK, f.reason(b.reason()));
                c.textRight(x + right[1], c.y, 8, PdfCanvas.INK, ShiftFormat.minutes(b.total()));
                c.textRight(x + right[2], c.y, 8, PdfCanvas.INK, Integer.toString(b.stops()));
                c.textRight(x + right[3], c.y, 8, PdfCanvas.INK,
                        String.format(Locale.ROOT, "%.1f %%", b.cumulativePercent()));
                c.y -= 11;
            }
            c.y -= 6;
        }

        /** The handover notes and the sign-off line of the line's shift. */
        private void book(ShiftReport.Book b) throws IOException {
            float x = PdfCanvas.MARGIN;
            c.need(50);
            c.y -= 4;
            b.handedOver().ifPresent(h -> paragraph(PdfCanvas.MUTED, f.text("shift.handedOver", h.shiftKey(), h.user(),
                    f.dateTime(h.at()), h.note())));
            paragraph(PdfCanvas.INK, b.handover().map(h -> f.text("shift.report.handover", h.user(),
                    f.dateTime(h.at()), h.note())).orElse(f.text("shift.report.noHandover")));
            c.y -= 2;
            if (b.signed().isPresent()) {
                ShiftReport.Signed s = b.signed().get();
                c.text(x, c.y - 10, 10, PdfCanvas.INK, f.text("shift.signedOffBy", s.user(), f.dateTime(s.at())));
                c.y -= 16;
                if (s.liveDiffers()) {
                    paragraph(PdfCanvas.ALARM, f.text("shift.report.liveDiffers"));
                }
            } else {
                c.text(x, c.y - 10, 10, PdfCanvas.MUTED, f.text("shift.notSignedOff"));
                c.y -= 16;
            }
        }

        private void paragraph(java.awt.Color colour, String text) {
            try {
                c.paragraph(PdfCanvas.MARGIN, 8, 11, colour, text, TEXT_WIDTH);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private void stations(ShiftReport.Line line) throws IOException {
            float x = PdfCanvas.MARGIN;
            c.box(x, c.y - 13, PdfCanvas.WIDTH - 2 * x, 14, PdfCanvas.SHADE);
            for (int i = 0; i < STATION_COLUMNS.length; i++) {
                cell(i, c.y - 9, 7, f.text(STATION_COLUMNS[i]));
            }
            c.y -= 24;
            for (ShiftReport.Station s : line.stations()) {
                OeeFigures o = s.oee();
                String[] row = {s.name() + (s.name().equals(line.output()) ? " *" : ""), Long.toString(o.total()),
                    Long.toString(o.scrap()), ShiftFormat.duration(o.runTime()), ShiftFormat.duration(o.downTime()),
                    ShiftFormat.duration(o.unknown()), f.figure(o.availability(), o), f.figure(o.performance(), o),
                    f.figure(o.quality(), o), f.figure(o.oee(), o)};
                for (int i = 0; i < row.length; i++) {
                    cell(i, c.y, 8, row[i]);
                }
                c.y -= 12;
            }
            c.y -= 8;
        }

        private void cell(int column, float baseline, float size, String text) throws IOException {
            if (column == 0) {
                c.text(PdfCanvas.MARGIN, baseline, size, PdfCanvas.INK, text);
            } else {
                c.textRight(PdfCanvas.MARGIN + STATION_RIGHT[column], baseline, size, PdfCanvas.INK, text);
            }
        }

        private void stops(List<Downtime> stops) throws IOException {
            float x = PdfCanvas.MARGIN;
            c.need(60);
            c.text(x, c.y - 10, 9, PdfCanvas.INK, f.text("shift.stops") + " (" + stops.size() + ")");
            c.y -= 16;
            float[] cols = {0, 110, 170, 230, 300};
            String[] head = {f.text("shift.station"), f.text("shift.from"), f.text("shift.to"), f.text("shift.duration"),
                f.text("shift.reason")};
            c.box(x, c.y - 11, PdfCanvas.WIDTH - 2 * x, 12, PdfCanvas.SHADE);
            for (int i = 0; i < head.length; i++) {
                c.text(x + cols[i], c.y - 8, 7, PdfCanvas.INK, head[i]);
            }
            c.y -= 21;
            // The longest stops matter most on paper; all of them are in the CSV export.
            // Stops an operator classified come first: their reasons and notes are what the report is signed with.
            List<Downtime> shown = stops.stream().sorted(java.util.Comparator.comparing(
                            (Downtime d) -> d.classifiedBy().isEmpty()).thenComparing(Downtime::length,
                            java.util.Comparator.reverseOrder()))
                    .limit(MAX_STOP_ROWS).sorted((a, b) -> a.from().compareTo(b.from())).toList();
            for (Downtime d : shown) {
                c.need(12);
                String[] row = {d.station(), f.time(d.from()), f.time(d.to()), ShiftFormat.duration(d.length()),
                    f.reason(d.reason()) + (d.note().isEmpty() ? "" : " \u2014 " + d.note())};
                for (int i = 0; i < row.length; i++) {
                    c.text(x + cols[i], c.y, 8, PdfCanvas.INK, row[i]);
                }
                c.y -= 11;
            }
            if (stops.size() > shown.size()) {
                c.text(x, c.y, 8, PdfCanvas.MUTED, f.text("shift.report.more", stops.size() - shown.size()));
                c.y -= 11;
            }
        }
    }

    private static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static ResourceBundle english() throws IOException {
        try (InputStream in = ShiftReportPdf.class.getResourceAsStream("/io/lineside/i18n/messages.properties")) {
            if (in == null) {
                throw new IOException("the English labels are missing from the application");
            }
            return new PropertyResourceBundle(in);
        }
    }
}
