package io.lineside.shifts;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Labels and figures of a shift as both the review screen and the PDF show them: percentages with one decimal
 * ("n/a" where undefined), durations in h/min/s, times in the plant's zone. Immutable; safe from any thread.
 */
public final class ShiftFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ResourceBundle bundle;
    private final ZoneId zone;
    private final ReasonTree reasons;

    public ShiftFormat(ResourceBundle bundle, ZoneId zone) {
        this(bundle, zone, ReasonTree.DEFAULT);
    }

    private ShiftFormat(ResourceBundle bundle, ZoneId zone, ReasonTree reasons) {
        this.bundle = bundle;
        this.zone = zone;
        this.reasons = reasons;
    }

    /** This format labelling stop reasons from {@code tree} ("Mechanical › Jam"). */
    public ShiftFormat withReasons(ReasonTree tree) {
        return new ShiftFormat(bundle, zone, tree);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The bundle's text for {@code key}, formatted with {@code args}. */
    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        Locale locale = bundle.getLocale() == null ? Locale.ROOT : bundle.getLocale();
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * A stop reason in the reader's language: its path in the reason tree ("Mechanical › Jam"), else the bundle's
     * label ("Unclassified"); a reason we have no label for is shown as sent.
     */
    public String reason(String reason) {
        java.util.Optional<String> inTree = reasons.label(reason, bundle.getLocale());
        if (inTree.isPresent()) {
            return inTree.get();
        }
        try {
            return bundle.getString("shift.reason." + reason);
        } catch (MissingResourceException e) {
            return reason;
        }
    }

    /** A Pareto bar's label: its reason, minutes and the cumulative share up to it, "Mechanical › Jam · 45 min · Σ 62.5 %". */
    public String paretoLabel(Downtime.ParetoBar bar) {
        return reason(bar.reason()) + " \u00B7 " + minutes(bar.total()) + " \u00B7 \u03A3 "
                + String.format(Locale.ROOT, "%.1f %%", bar.cumulativePercent());
    }

    /** Whole minutes, rounded half up ("45 min"); under a minute one decimal ("0.5 min"). */
    public static String minutes(Duration d) {
        long ms = d.toMillis();
        return ms < 60_000 && ms > 0 ? String.format(Locale.ROOT, "%.1f min", ms / 60_000.0)
                : (ms + 30_000) / 60_000 + " min";
    }

    /** {@code 0.8734} as {@code 87.3 %}; NaN as n/a. */
    public String percent(double ratio) {
        return Double.isNaN(ratio) ? text("shift.na") : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /**
     * A ratio of {@code figures} as shown: {@link #percent}, marked when the figures are flagged, so a figure that
     * cannot be signed never reads as one that can.
     */
    public String figure(double ratio, OeeFigures figures) {
        return figures.valid() ? percent(ratio) : text("shift.flag.marker", percent(ratio));
    }

    /** Why {@code figures} are flagged, one sentence per reason; empty when they are valid. */
    public String warning(OeeFigures figures) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (OeeFigures.Flag flag : figures.flags()) {
            out.add(switch (flag) {
                case UNKNOWN_SHARE -> text("shift.flag.unknown", percent(figures.unknownShare()),
                        duration(figures.unknown()));
                case OVER_100 -> text("shift.flag.over100");
            });
        }
        return String.join(" ", out);
    }

    /** Where times are shown: {@code Times in Europe/Berlin}. */
    public String zoneLabel() {
        return text("shift.zone", zone.getId());
    }

    /** {@code 7 h 05 min}, {@code 12 min 30 s}, {@code 45 s}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }

    public String time(Instant t) {
        return TIME.format(t.atZone(zone));
    }

    public String dateTime(Instant t) {
        return DATE_TIME.format(t.atZone(zone));
    }

    /** The shift's heading: name, crew, local start and end, zone and real length. */
    public String header(ShiftPeriod p) {
        String crew = p.definition().crew();
        return text(crew.isEmpty() ? "shift.headerNoCrew" : "shift.header", p.definition().name() + " " + p.date(), crew,
                dateTime(p.start()), dateTime(p.end()), zone.getId(), duration(p.length()));
    }
}
