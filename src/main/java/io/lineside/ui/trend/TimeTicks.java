package io.lineside.ui.trend;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled ticks of a trend's time axis in the workstation's zone: round steps (10 s, 1 min, 15 min, 1 h, 1 d…) at
 * least {@code minPixels} apart, aligned to the local clock; a tick at midnight carries the date. Pure; any thread.
 */
public final class TimeTicks {

    /** One tick: where, and what to print under it. */
    public record Tick(Instant at, String label) {
    }

    private static final List<Duration> STEPS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(28), Duration.ofDays(91), Duration.ofDays(182));
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private TimeTicks() {
    }

    public static List<Tick> of(TrendRange range, ZoneId zone, double widthPixels, double minPixels) {
        double millisPerPixel = range.span().toMillis() / Math.max(1, widthPixels);
        Duration step = STEPS.getLast();
        for (Duration candidate : STEPS) {
            if (candidate.toMillis() / millisPerPixel >= minPixels) {
                step = candidate;
                break;
            }
        }
        DateTimeFormatter format = step.toSeconds() < 60 ? SECONDS : step.toDays() < 1 ? MINUTES : DAY;
        List<Tick> ticks = new ArrayList<>();
        // Counting from local midnight keeps ticks on round local times across DST and non-whole-hour zones.
        ZonedDateTime day = range.from().atZone(zone).truncatedTo(ChronoUnit.DAYS);
        if (step.toDays() >= 7) {
            day = day.minusDays(day.getDayOfWeek().getValue() - 1L);
        }
        if (step.toDays() < 1) { // jump to the first step at or after the window start
            long ahead = Duration.between(day.toInstant(), range.from()).toMillis();
            day = day.plus(step.multipliedBy(Math.max(0, Math.floorDiv(ahead, step.toMillis()))));
        }
        LocalDate lastDate = null;
        for (ZonedDateTime t = day; t.toInstant().isBefore(range.to()); t = next(t, step)) {
            Instant at = t.toInstant();
            if (at.isBefore(range.from())) {
                continue;
            }
            LocalDate date = t.toLocalDate();
            boolean midnight = t.toLocalTime().toSecondOfDay() == 0 && step.toDays() < 1;
            String label = format.format(t);
            if (midnight && !date.equals(lastDate)) {
                label = DAY.format(t);
            }
            lastDate = date;
            ticks.add(new Tick(at, label));
        }
        return ticks;
    }

    private static ZonedDateTime next(ZonedDateTime t, Duration step) {
        if (step.toDays() >= 1) {
            return t.plusDays(step.toDays());
        }
        ZonedDateTime n = t.plus(step);
        ZonedDateTime nextDay = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        return n.isAfter(nextDay) ? nextDay : n;
    }
}
