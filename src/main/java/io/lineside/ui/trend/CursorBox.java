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
    /** Alarms named in the box at most; more are counted. */
    static final int MAX_ALARMS = 3;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final DateTimeFormatter clock;

    private final Texts texts;
    private final DateTimeFormatter time;
    private final Font font;
    private final Text measure = new Text();

    CursorBox(Texts texts, ZoneId zone, Font font) {
        this.texts = texts;
        this.time = TIME.withZone(zone);
        this.clock = CLOCK.withZone(zone);
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
        int penRows = rows.size();
        List<javafx.scene.paint.Color> alarmKeys = new ArrayList<>();
        alarmRows(data, at, rows, alarmKeys);
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
            } else if (r >= penRows && alarmKeys.get(r - penRows) != null) {
                g.setFill(alarmKeys.get(r - penRows));
                g.fillRect(bx + 6, ry + 2, 12, 10);
                g.setStroke(colours.text());
                g.strokeRect(bx + 6.5, ry + 2.5, 11, 9);
            }
            g.setFill(colours.text());
            g.fillText(rows.get(r), bx + (r == 0 ? 6 : 22), ry);
        }
    }

    /**
     * Up to {@link #MAX_ALARMS} alarms whose occurrence spans the cursor's time: "▲ 2 High · id · message", then
     * its activation, return and acknowledgement (with who) on the next row.
     */
    private void alarmRows(TrendData data, Instant at, List<String> rows, List<javafx.scene.paint.Color> keys) {
        List<TrendAlarmMark> here = data.alarms().stream().filter(m -> m.covers(at, data.range()))
                .sorted(java.util.Comparator.comparing(TrendAlarmMark::priority)).toList();
        for (TrendAlarmMark m : here.subList(0, Math.min(MAX_ALARMS, here.size()))) {
            rows.add(io.lineside.ui.alarms.AlarmSummaryViewModel.symbol(m.priority()) + " " + (m.priority().ordinal() + 1)
                    + " " + texts.get("priority." + m.priority().name()) + " \u00B7 " + m.alarmId() + " \u00B7 "
                    + m.message());
            keys.add(AlarmMarksPainter.FILL.get(m.priority()));
            StringBuilder when = new StringBuilder(m.activated() == null
                    ? texts.get("trend.alarm.before", clock.format(data.range().from()))
                    : texts.get("trend.alarm.activated", clock.format(m.activated())));
            if (m.returned() != null) {
                when.append(" \u00B7 ").append(texts.get("trend.alarm.returned", clock.format(m.returned())));
            }
            if (m.acked() != null) {
                when.append(" \u00B7 ").append(texts.get("trend.alarm.acked", clock.format(m.acked()), m.ackedBy()));
            }
            rows.add(when.toString());
            keys.add(null);
        }
        if (here.size() > MAX_ALARMS) {
            rows.add(texts.get("trend.alarm.more", here.size() - MAX_ALARMS));
            keys.add(null);
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
