package io.lineside.ui.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The foreground/background pairs of the theme that must stay readable, and the check that finds those that
 * are not: every text colour on each surface it is drawn on, and every state indicator on its background.
 * Kept next to the stylesheet's variable names so a new surface gets its pairs here. Safe from any thread.
 */
public final class ContrastRules {

    /** One pair to check: {@code foreground} drawn on {@code background} needs at least {@code minimum}:1. */
    public record Pair(String foreground, String background, double minimum) {
    }

    /** A pair that falls short, with where its colours are set. */
    public record Shortfall(Pair pair, double ratio, String where) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s on %s is %.2f:1, needs %.1f:1 (%s)", pair.foreground(),
                    pair.background(), ratio, pair.minimum(), where);
        }
    }

    private static final List<String> SURFACES = List.of("-ls-bg", "-ls-surface", "-ls-surface-hover", "-ls-panel",
            "-ls-banner-bg", "-fx-base");

    private ContrastRules() {
    }

    /** The theme's pairs. */
    public static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        for (String surface : SURFACES) {
            pairs.add(text("-ls-text", surface));
            pairs.add(text("-ls-text-muted", surface));
            pairs.add(text("-ls-alarm-text", surface));
        }
        for (String surface : List.of("-ls-banner-flash", "-ls-status-bg", "-ls-row-critical", "-ls-row-high",
                "-ls-row-medium", "-ls-row-low", "-ls-stale-bg", "-ls-stale-hatch")) {
            pairs.add(text("-ls-text", surface));
        }
        pairs.add(text("-ls-alarm-text", "-ls-status-bg"));
        pairs.add(text("-ls-text-muted", "-fx-control-inner-background")); // prompt text in fields
        pairs.add(text("-ls-header-text", "-ls-header-bg"));
        pairs.add(text("-ls-alarm-on", "-ls-alarm"));
        pairs.add(text("-ls-selection-text", "-ls-selection"));
        pairs.add(text("-ls-warning-text", "-ls-surface"));
        pairs.add(text("-ls-warning-text", "-ls-surface-hover"));
        pairs.add(text("-ls-stale-value", "-ls-stale-bg"));
        pairs.add(text("-ls-stale-value", "-ls-stale-hatch"));
        for (String p : List.of("critical", "high", "medium", "low")) {
            pairs.add(text("-ls-priority-" + p + "-text", "-ls-priority-" + p)); // the banner's priority chip
        }
        for (String indicator : List.of("-ls-normal", "-ls-idle", "-ls-alarm-indicator", "-ls-warning-outline",
                "-ls-border-strong")) {
            pairs.add(graphic(indicator, "-ls-surface"));
            pairs.add(graphic(indicator, "-ls-surface-hover"));
        }
        pairs.add(graphic("-ls-alarm-indicator", "-ls-bg"));
        pairs.add(graphic("-ls-stale-outline", "-ls-bg"));
        pairs.add(graphic("-ls-stale-outline", "-ls-stale-bg"));
        pairs.add(graphic("-ls-online", "-ls-header-bg"));
        pairs.add(graphic("-ls-plot-line", "-ls-plot-bg"));
        return List.copyOf(pairs);
    }

    /** The pairs of {@code palette} below their minimum; empty when the theme is readable. */
    public static List<Shortfall> check(ThemePalette palette, List<Pair> pairs) {
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Pair pair : pairs) {
            double ratio = Contrast.ratio(palette.color(pair.foreground()), palette.color(pair.background()));
            if (ratio < pair.minimum()) {
                shortfalls.add(new Shortfall(pair, ratio,
                        palette.where(pair.foreground()) + ", " + palette.where(pair.background())));
            }
        }
        return shortfalls;
    }

    private static Pair text(String foreground, String background) {
        return new Pair(foreground, background, Contrast.TEXT);
    }

    private static Pair graphic(String foreground, String background) {
        return new Pair(foreground, background, Contrast.GRAPHIC);
    }
}
