package io.lineside.app;

import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryException;
import io.lineside.history.HistoryExport;
import io.lineside.history.HistoryInUseException;
import io.lineside.shifts.ShiftDefinition;
import io.lineside.tags.TagPath;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lineside export}: samples of some tags over a time range or one shift, as CSV (see {@link HistoryExport}).
 * Exit codes: 0 written, 1 history unavailable (missing, or held by the running HMI or recorder), 2 bad arguments.
 */
final class ExportCommand {

    private static final Pattern SHIFT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})/(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final Pattern NAMED_SHIFT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})/([A-Za-z0-9_-]{1,64})");

    /** A half-open time range {@code [from, to)}. */
    record Range(Instant from, Instant to) {
    }

    private ExportCommand() {
    }

    /**
     * UTF-8, the same for a file and for stdout. A stored text can hold half a surrogate pair (a publisher's text cut
     * inside an emoji): it is written as U+FFFD; Files.newBufferedWriter's encoder throws on it instead
     * ("Input length = 1"), which failed {@code --out} on data that stdout wrote fine.
     */
    static Writer csvWriter(java.io.OutputStream stream) {
        java.nio.charset.CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8));
        return new BufferedWriter(new OutputStreamWriter(stream, utf8));
    }

    static int run(CommandLine.Export request, Optional<StationProfile> station, Optional<Path> outFile, Path dataDir,
                   ZoneId zone, PrintStream out, PrintStream err) {
        zone = station.map(StationProfile::zone).orElse(zone); // the plant's zone, as the shift review's
        Range range;
        List<TagPath> tags;
        try {
            range = range(request, station, zone);
            tags = request.tags().stream().map(ExportCommand::tag).toList();
        } catch (IllegalArgumentException e) {
            err.println("lineside export: " + e.getMessage());
            return 2;
        }
        Path db = dataDir.resolve("db");
        if (!Files.exists(db.resolve("history.mv.db"))) {
            err.println("lineside export: no history in " + db);
            return 1;
        }
        try (HistoryDatabase database = HistoryDatabase.open(db);
             Writer writer = csvWriter(outFile.isPresent() ? Files.newOutputStream(outFile.get()) : out)) {
            long rows = new HistoryExport(database).writeCsv(tags, range.from(), range.to(), writer);
            err.println("lineside export: " + rows + " samples from " + range.from() + " to " + range.to()
                    + outFile.map(f -> " written to " + f).orElse(""));
            return 0;
        } catch (HistoryInUseException e) {
            err.println("lineside export: " + e.getMessage() + "; export while the HMI and the recorder are stopped"
                    + " (sudo systemctl stop lineside-recorder), see docs/decisions/0008");
            return 1;
        } catch (HistoryException | IOException e) {
            err.println("lineside export: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The range asked for. A shift is {@code DATE/HH:MM-HH:MM} or {@code DATE/NAME} from the station's shift
     * calendar; one whose end is not after its start ends on the next day.
     */
    static Range range(CommandLine.Export request, Optional<StationProfile> station, ZoneId zone) {
        if (request.shift().isPresent()) {
            String text = request.shift().get();
            Matcher m = SHIFT.matcher(text);
            Matcher named = NAMED_SHIFT.matcher(text);
            if (!m.matches() && !named.matches()) {
                throw new IllegalArgumentException("--shift expects YYYY-MM-DD/HH:MM-HH:MM or YYYY-MM-DD/SHIFT, found \""
                        + text + "\"");
            }
            try {
                LocalDate day = LocalDate.parse(m.matches() ? m.group(1) : named.group(1));
                LocalTime start;
                LocalTime end;
                if (m.matches()) {
                    start = LocalTime.parse(m.group(2));
                    end = LocalTime.parse(m.group(3));
                } else {
                    // The calendar the shift review uses: the station's, else the demo's early / late / night.
                    List<ShiftDefinition> calendar = ShiftSetup.calendar(station, zone).shifts();
                    ShiftDefinition shift = calendar.stream().filter(d -> d.name().equals(named.group(2))).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("--shift: no shift \"" + named.group(2)
                                    + "\" in the station's calendar " + calendar.stream().map(ShiftDefinition::name)
                                    .toList()));
                    start = shift.start();
                    end = shift.end();
                }
                LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
                return new Range(day.atTime(start).atZone(zone).toInstant(), endDay.atTime(end).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--shift has no such date or time: \"" + request.shift().get() + "\"");
            }
        }
        Instant from = instant("--from", request.from().orElseThrow(), zone);
        Instant to = instant("--to", request.to().orElseThrow(), zone);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        return new Range(from, to);
    }

    private static Instant instant(String option, String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " expects a date-time such as 2026-11-26T06:00 or "
                        + "2026-11-26T06:00:00Z, found \"" + text + "\"");
            }
        }
    }

    private static TagPath tag(String text) {
        try {
            return TagPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tag expects site/area/line/station/signal, found \"" + text + "\"");
        }
    }
}
