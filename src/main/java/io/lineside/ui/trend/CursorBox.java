package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import io.lineside.tags.Quality;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The cursor of a trend: a vertical line and a box with the time and, per pen, its value in the bucket under the
 * cursor (last value, min–max when the column spans a range, the quality word when not GOOD, a dash for no data).
 * FX thread only.
 */
final class CursorBox {

    /** More rows than this are summarised as "+n", so 50 pens do not cover the chart. */
    static final int MAX_ROWS = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double ROW = 15;

    private final Texts texts;
    private final DateTimeFormatter time;
    private final Font font;
    private final Text measure = new Text();

    CursorBox(Texts texts, ZoneId zone, Font font) {
        this.texts = texts;
        this.time = TIME.withZone(zone);
        this.font = font;
        measure.setFont(font);
    }

    void paint(GraphicsContext g, TrendPainter.Plot p, double x, Instant at, TrendData data, List<PenAxes.Axis> axes,
               int[] axisOf, TrendColours.Palette colours) {
        double xl = Math.floor(x) + 0.5;
        g.setStroke(colours.text());
        g.setLineWidth(1);
        g.strokeLine(xl, p.top(), xl, p.bottom());
        List<String> rows = new ArrayList<>();
        rows.add(time.format(at));
        int shown = Math.min(MAX_ROWS, data.pens().size());
        for (int pen = 0; pen < shown; pen++) {
            rows.add(data.pens().get(pen).label() + "  " + value(data.bucketAt(pen, at), axes.get(axisOf[pen]),
                    data.pens().get(pen).unit()));
        }
        if (data.pens().size() > shown) {
            rows.add("+" + (data.pens().size() - shown));
        }
        double w = 0;
        for (String row : rows) {
            measure.setText(row);
            w = Math.max(w, measure.getLayoutBounds().getWidth());
        }
        w += 28;
        double h = rows.size() * ROW + 8;
        double bx = x + 10 + w <= p.right() ? x + 10 : Math.max(p.left() + 2, x - 10 - w);
        double by = p.top() + 6;
        g.setFill(colours.box().deriveColor(0, 1, 1, 0.95));
        g.fillRect(bx, by, w, h);
        g.setStroke(colours.boxBorder());
        g.strokeRect(Math.floor(bx) + 0.5, Math.floor(by) + 0.5, Math.round(w), Math.round(h));
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int r = 0; r < rows.size(); r++) {
            double ry = by + 4 + r * ROW;
            if (r > 0 && r <= shown) {
                g.setStroke(colours.pen(r - 1));
                g.setLineWidth(3);
                g.strokeLine(bx + 6, ry + 7, bx + 18, ry + 7);
                g.setLineWidth(1);
            }
            g.setFill(colours.text());
            g.fillText(rows.get(r), bx + (r == 0 ? 6 : 22), ry);
        }
    }

    private String value(TrendBucket b, PenAxes.Axis axis, String unit) {
        if (b == null) {
            return "\u2014";
        }
        String quality = b.worst() == Quality.GOOD ? "" : " [" + texts.quality(b.worst()) + "]";
        if (!b.hasGoodValues()) {
            return quality.strip();
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(axis.step() / 100) - 1e-9)); // ~1/100 of a tick
        String value = TrendPainter.format(b.last(), decimals);
        String min = TrendPainter.format(b.min(), decimals);
        String max = TrendPainter.format(b.max(), decimals);
        if (!min.equals(max)) {
            value += " (" + min + "\u2013" + max + ")";
        }
        return value + (unit.isEmpty() ? "" : " " + unit) + quality;
    }
}
