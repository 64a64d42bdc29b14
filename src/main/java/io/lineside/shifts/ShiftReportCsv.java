package io.lineside.shifts;

import io.lineside.alarms.AlarmJournalCsv;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A shift's tables as CSV, one file per table beside the chosen name ({@code NAME-stations.csv}, {@code -stops},
 * {@code -pareto}, {@code -output}): machine-readable headers, ISO times with offset and the plant zone named,
 * ratios as decimals; a station's figures that cannot be signed say so ({@code valid=false} and its {@code flags}). Cells are
 * quoted and formulas defused as in the alarm journal export. Stateless; does file I/O, never on the FX thread.
 */
public final class ShiftReportCsv {

    private ShiftReportCsv() {
    }

    /** Writes the four files for {@code base} (e.g. {@code night.csv} gives {@code night-stations.csv}, ...). */
    public static List<Path> write(ShiftReport report, ZoneId zone, Path base) throws IOException {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        String stem = base.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        List<List<String>> stations = new ArrayList<>();
        List<List<String>> stops = new ArrayList<>();
        List<List<String>> pareto = new ArrayList<>();
        List<List<String>> output = new ArrayList<>();
        stations.add(List.of("shift", "line", "station", "is_output", "parts", "scrap", "run_s", "down_s", "unknown_s",
                "planned_s", "availability", "performance", "quality", "oee", "unknown_share", "uncounted_parts",
                "valid", "flags", "zone", "signed_by", "signed_at"));
        stops.add(List.of("shift", "line", "station", "state", "from", "to", "duration_s", "reason", "zone",
                "category", "note", "classified_by"));
        pareto.add(List.of("shift", "line", "reason", "stops", "total_s", "cumulative_percent", "category", "minutes"));
        output.add(List.of("shift", "line", "station", "time", "parts_since_start", "zone"));
        String z = zone.getId();
        String key = report.period().key();
        for (ShiftReport.Line line : report.lines()) {
            Optional<ShiftReport.Signed> signed = report.book(line.name()).signed();
            String signedBy = signed.map(ShiftReport.Signed::user).orElse("");
            String signedAt = signed.map(x -> iso.format(x.at())).orElse("");
            for (ShiftReport.Station s : line.stations()) {
                OeeFigures o = s.oee();
                stations.add(List.of(key, line.name(), s.name(), Boolean.toString(s.name().equals(line.output())),
                        Long.toString(o.total()), Long.toString(o.scrap()), seconds(o.runTime()), seconds(o.downTime()),
                        seconds(o.unknown()), seconds(o.plannedTime()), ratio(o.availability()), ratio(o.performance()),
                        ratio(o.quality()), ratio(o.oee()), ratio(o.unknownShare()), Long.toString(o.uncounted()),
                        Boolean.toString(o.valid()), String.join(" ", o.flags().stream()
                                .map(f -> f.name().toLowerCase(Locale.ROOT)).toList()), z, signedBy, signedAt));
            }
            for (Downtime d : line.stops()) {
                stops.add(List.of(key, line.name(), d.station(), d.state().name(), iso.format(d.from()),
                        iso.format(d.to()), seconds(d.length()), d.reason(), z, category(report, d.reason()), d.note(),
                        d.classifiedBy()));
            }
            for (Downtime.ParetoBar b : line.pareto()) {
                pareto.add(List.of(key, line.name(), b.reason(), Integer.toString(b.stops()), seconds(b.total()),
                        String.format(Locale.ROOT, "%.1f", b.cumulativePercent()), category(report, b.reason()),
                        String.format(Locale.ROOT, "%.1f", b.total().toMillis() / 60_000.0)));
            }
            for (CounterIncrease.Point p : line.produced()) {
                output.add(List.of(key, line.name(), line.output(), iso.format(p.at()), Long.toString(p.count()), z));
            }
        }
        List<Path> files = new ArrayList<>();
        files.add(table(base.resolveSibling(stem + "-stations.csv"), stations));
        files.add(table(base.resolveSibling(stem + "-stops.csv"), stops));
        files.add(table(base.resolveSibling(stem + "-pareto.csv"), pareto));
        files.add(table(base.resolveSibling(stem + "-output.csv"), output));
        return files;
    }

    /** The reason's category code in the report's tree; empty for a reason outside it (or unclassified). */
    private static String category(ShiftReport report, String reason) {
        return report.reasons().categories().stream().filter(c -> c.reasons().stream()
                .anyMatch(r -> r.code().equals(reason))).map(ReasonTree.Category::code).findFirst().orElse("");
    }

    private static Path table(Path file, List<List<String>> rows) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (List<String> row : rows) {
                out.write(String.join(",", row.stream().map(AlarmJournalCsv::cell).toList()));
                out.write("\r\n");
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static String seconds(java.time.Duration d) {
        return Long.toString(d.toSeconds());
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.4f", r);
    }
}
