package io.lineside.ui.trend;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The chart's colours, taken from the stylesheet so the canvas follows the day and night themes like every other
 * node: hidden probe regions carry style classes ({@code trend-plot}, {@code trend-pen-1}…) and the chart reads
 * their background colours after CSS. Without a rule a colour keeps its day default. FX thread only.
 */
final class TrendColours {

    /** Everything the painter colours. */
    record Palette(Color plot, Color text, Color grid, Color frame, Color shade, Color hatch, Color box,
                   Color boxBorder, List<Color> pens) {

        Color pen(int index) {
            return pens.get(index % pens.size());
        }
    }

    /** Muted pens that stay apart on light grey; red and yellow are kept for alarms. */
    static final Palette DAY = new Palette(Color.web("#e8e8e8"), Color.web("#333333"), Color.web("#d2d2d2"),
            Color.web("#8c8c8c"), Color.web("#c4c4c4"), Color.web("#8c8c8c"), Color.web("#f7f7f7"),
            Color.web("#707070"), List.of(Color.web("#2f4f6f"), Color.web("#8a5a2b"), Color.web("#2e6b5a"),
                    Color.web("#6b3f73"), Color.web("#5a6b1f"), Color.web("#1f6f8b"), Color.web("#7a5c5c"),
                    Color.web("#4d4d4d")));

    private static final List<String> ROLES = List.of("trend-plot", "trend-ink", "trend-grid", "trend-frame",
            "trend-shade", "trend-hatch", "trend-box", "trend-box-border");

    private final List<Region> probes = new ArrayList<>();

    TrendColours() {
        for (String role : ROLES) {
            probes.add(probe(role));
        }
        for (int i = 1; i <= DAY.pens().size(); i++) {
            probes.add(probe("trend-pen-" + i));
        }
    }

    /** The hidden nodes to add to the chart, so they get its CSS. */
    List<Region> probes() {
        return probes;
    }

    /** The colours as styled now. */
    Palette read() {
        List<Color> defaults = new ArrayList<>(List.of(DAY.plot(), DAY.text(), DAY.grid(), DAY.frame(), DAY.shade(),
                DAY.hatch(), DAY.box(), DAY.boxBorder()));
        defaults.addAll(DAY.pens());
        List<Color> c = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            c.add(colour(probes.get(i), defaults.get(i)));
        }
        return new Palette(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7),
                List.copyOf(c.subList(ROLES.size(), c.size())));
    }

    private static Region probe(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setVisible(false);
        return r;
    }

    private static Color colour(Region probe, Color fallback) {
        Background bg = probe.getBackground();
        if (bg == null || bg.getFills().isEmpty()) {
            return fallback;
        }
        Paint fill = bg.getFills().getFirst().getFill();
        return fill instanceof Color c ? c : fallback;
    }
}
