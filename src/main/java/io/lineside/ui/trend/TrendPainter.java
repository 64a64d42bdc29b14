package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import io.lineside.tags.Quality;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link TrendData} onto a canvas in the ISA-101 grey style: plot frame and grid, hatched grey bands where a
 * bucket's worst quality is not GOOD (labelled with the quality word, never colour alone), per pen one path of M4
 * spans (first, min, max, last per pixel column) broken at gaps, stacked colour-keyed y-axes with units, a time
 * axis, and the cursor's value box. Stateless between calls apart from its settings. FX thread only.
 */
final class TrendPainter {

    /** Muted pen colours that stay apart on light grey; red and yellow are kept for alarms. */
    static final List<Color> PENS = List.of(Color.web("#2f4f6f"), Color.web("#8a5a2b"), Color.web("#2e6b5a"),
            Color.web("#6b3f73"), Color.web("#5a6b1f"), Color.web("#1f6f8b"), Color.web("#7a5c5c"),
            Color.web("#4d4d4d"));
    static final Color PLOT = Color.web("#e8e8e8");
    static final Color SHADE = Color.web("#c4c4c4");
    static final Color HATCH = Color.web("#8c8c8c");
    private static final Color GRID = Color.web("#d2d2d2");
    private static final Color FRAME = Color.web("#8c8c8c");
    private static final Color TEXT = Color.web("#333333");
    static final double AXIS_WIDTH = 52;
    private static final double HEADER = 20;
    private static final double FOOTER = 20;

    private final ZoneId zone;
    private final Texts texts;
    private final boolean compact;
    private final Font font = Font.font(Font.getDefault().getFamily(), 11);
    private final CursorBox cursorBox;

    /** The plot rectangle in canvas pixels. */
    record Plot(double left, double top, double right, double bottom) {
        double width() {
            return right - left;
        }

        double height() {
            return bottom - top;
        }
    }

    TrendPainter(ZoneId zone, Texts texts, boolean compact) {
        this.zone = zone;
        this.texts = texts;
        this.compact = compact;
        this.cursorBox = new CursorBox(texts, zone, font);
    }

    /** Where the plot goes on a canvas of this size with {@code axes} y-axes (half left, half right). */
    Plot plot(double width, double height, int axes) {
        if (compact) {
            return new Plot(1, 1, Math.max(2, width - 1), Math.max(2, height - 1));
        }
        int left = (axes + 1) / 2;
        int right = axes / 2;
        double l = Math.max(8, left * AXIS_WIDTH);
        double r = Math.max(8, right * AXIS_WIDTH);
        return new Plot(l, HEADER, Math.max(l + 10, width - r), Math.max(HEADER + 10, height - FOOTER));
    }

    /**
     * Paints everything. {@code shift} moves the data right by that many pixels (a pan in progress);
     * {@code cursorX} is NaN without a cursor; {@code selectFrom}/{@code selectTo} NaN without a box selection.
     */
    void paint(GraphicsContext g, double width, double height, TrendData data, List<PenAxes.Axis> axes,
               boolean[][] breaks, double shift, double cursorX, double selectFrom, double selectTo) {
        g.clearRect(0, 0, width, height);
        Plot p = plot(width, height, axes.size());
        g.setFill(PLOT);
        g.fillRect(p.left(), p.top(), p.width(), p.height());
        g.setFont(font);
        if (data != null) {
            g.save();
            g.beginPath();
            g.rect(p.left(), p.top(), p.width(), p.height());
            g.clip();
            shade(g, p, data, shift);
            if (!compact) {
                grid(g, p, data.range(), axes, shift);
            }
            int[] axisOf = axisOf(axes, data.pens().size());
            for (int pen = 0; pen < data.pens().size(); pen++) {
                line(g, p, data, pen, axes.get(axisOf[pen]), breaks[pen], shift);
            }
            g.restore();
        }
        g.setStroke(FRAME);
        g.setLineWidth(1);
        g.strokeRect(Math.floor(p.left()) + 0.5, Math.floor(p.top()) + 0.5, Math.round(p.width()) - 1,
                Math.round(p.height()) - 1);
        if (compact || data == null) {
            return;
        }
        for (int a = 0; a < axes.size(); a++) {
            yAxis(g, p, axes, a, data);
        }
        timeAxis(g, p, data.range(), shift);
        if (!Double.isNaN(selectFrom)) {
            double x0 = Math.min(selectFrom, selectTo);
            g.setFill(Color.web("#2f4f6f", 0.12));
            g.fillRect(x0, p.top(), Math.abs(selectTo - selectFrom), p.height());
            g.setStroke(Color.web("#2f4f6f"));
            g.strokeRect(x0, p.top(), Math.abs(selectTo - selectFrom), p.height());
        }
        if (!Double.isNaN(cursorX) && cursorX >= p.left() && cursorX <= p.right()) {
            Instant at = data.range().at((cursorX - shift - p.left()) / p.width());
            cursorBox.paint(g, p, cursorX, at, data, axes, axisOf(axes, data.pens().size()), width);
        }
    }

    /** Hatched grey bands over the pixel columns where some pen's bucket is not GOOD, with the quality word. */
    private void shade(GraphicsContext g, Plot p, TrendData data, double shift) {
        int columns = (int) Math.ceil(p.width());
        byte[] worst = new byte[columns];
        double scale = p.width() / data.range().span().toMillis();
        long from = data.from().toEpochMilli();
        for (List<TrendBucket> pen : data.buckets()) {
            for (TrendBucket b : pen) {
                if (b.worst() == Quality.GOOD) {
                    continue;
                }
                int c0 = (int) Math.floor((b.start().toEpochMilli() - from) * scale + shift);
                int c1 = (int) Math.ceil((b.end().toEpochMilli() - from) * scale + shift);
                for (int c = Math.max(0, c0); c < Math.min(columns, c1); c++) {
                    worst[c] = (byte) Math.max(worst[c], b.worst().ordinal());
                }
            }
        }
        int c = 0;
        while (c < columns) {
            if (worst[c] == 0) {
                c++;
                continue;
            }
            int start = c;
            byte quality = worst[c];
            while (c < columns && worst[c] == quality) {
                c++;
            }
            band(g, p, p.left() + start, c - start, Quality.values()[quality]);
        }
    }

    private void band(GraphicsContext g, Plot p, double x, double w, Quality quality) {
        g.setFill(SHADE);
        g.fillRect(x, p.top(), w, p.height());
        g.save();
        g.beginPath();
        g.rect(x, p.top(), w, p.height());
        g.clip();
        g.setStroke(HATCH);
        g.setLineWidth(1);
        for (double d = x - p.height(); d < x + w; d += 7) {
            g.strokeLine(d, p.bottom(), d + p.height(), p.top());
        }
        g.restore();
        String word = texts.quality(quality);
        if (!compact && w >= word.length() * 7 + 8) {
            g.setFill(PLOT);
            g.fillRect(x + 2, p.top() + 2, word.length() * 6.5 + 6, 15);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(word, x + 5, p.top() + 3);
        }
    }

    private void grid(GraphicsContext g, Plot p, TrendRange range, List<PenAxes.Axis> axes, double shift) {
        g.setStroke(GRID);
        g.setLineWidth(1);
        for (TimeTicks.Tick t : TimeTicks.of(range, zone, p.width(), 90)) {
            double x = Math.floor(p.left() + range.fractionOf(t.at()) * p.width() + shift) + 0.5;
            g.strokeLine(x, p.top(), x, p.bottom());
        }
        if (!axes.isEmpty()) {
            PenAxes.Axis a = axes.getFirst();
            for (double v = a.lo() + a.step(); v < a.hi() - a.step() / 2; v += a.step()) {
                double y = Math.floor(y(p, a, v)) + 0.5;
                g.strokeLine(p.left(), y, p.right(), y);
            }
        }
    }

    /** One pen as a single path: per bucket first → extremes → last at its pixel column, moveTo at each break. */
    private static void line(GraphicsContext g, Plot p, TrendData data, int pen, PenAxes.Axis axis, boolean[] breaks,
                             double shift) {
        List<TrendBucket> buckets = data.buckets().get(pen);
        double scale = p.width() / data.range().span().toMillis();
        double origin = p.left() + shift;
        long from = data.from().toEpochMilli();
        g.setStroke(PENS.get(pen % PENS.size()));
        g.setLineWidth(1.3);
        g.beginPath();
        for (int i = 0; i < buckets.size(); i++) {
            TrendBucket b = buckets.get(i);
            if (!b.hasGoodValues()) {
                continue;
            }
            double xs = origin + (b.start().toEpochMilli() - from) * scale + 0.5;
            double xe = Math.max(xs, origin + (b.end().toEpochMilli() - from) * scale - 0.5);
            double xm = (xs + xe) / 2;
            boolean rising = b.first() <= b.last();
            if (breaks[i]) {
                g.moveTo(xs, y(p, axis, b.first()));
            } else {
                g.lineTo(xs, y(p, axis, b.first()));
            }
            g.lineTo(xm, y(p, axis, rising ? b.min() : b.max()));
            g.lineTo(xm, y(p, axis, rising ? b.max() : b.min()));
            g.lineTo(xe, y(p, axis, b.last()));
        }
        g.stroke();
    }

    private void yAxis(GraphicsContext g, Plot p, List<PenAxes.Axis> axes, int index, TrendData data) {
        PenAxes.Axis axis = axes.get(index);
        int leftCount = (axes.size() + 1) / 2;
        boolean left = index < leftCount;
        int slot = left ? index : index - leftCount;
        double x = left ? p.left() - slot * AXIS_WIDTH : p.right() + slot * AXIS_WIDTH;
        Color colour = axis.pens().size() == 1 ? PENS.get(axis.pens().getFirst() % PENS.size()) : TEXT;
        g.setStroke(colour);
        g.setFill(colour);
        g.setLineWidth(1.5);
        double xl = Math.floor(x) + (left ? -1.5 : 1.5);
        g.strokeLine(xl, p.top(), xl, p.bottom());
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
        int decimals = axis.step() >= 1 ? 0 : (int) Math.ceil(-Math.log10(axis.step()) - 1e-9);
        for (double v = axis.lo(); v <= axis.hi() + axis.step() / 2; v += axis.step()) {
            double y = Math.floor(y(p, axis, v)) + 0.5;
            g.strokeLine(xl, y, xl + (left ? -4 : 4), y);
            g.fillText(format(v, decimals), xl + (left ? -6 : 6), Math.min(p.bottom() - 5, Math.max(p.top() + 5, y)));
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        String head = axis.pens().size() == 1 ? shortLabel(data.pens().get(axis.pens().getFirst()), axis.unit())
                : axis.unit().isEmpty() ? "\u00d7" + axis.pens().size() : axis.unit();
        g.fillText(head, left ? x - AXIS_WIDTH / 2 : x + AXIS_WIDTH / 2, 3, AXIS_WIDTH - 4);
    }

    private static String shortLabel(TrendPen pen, String unit) {
        return unit.isEmpty() ? pen.path().signal() : unit;
    }

    private void timeAxis(GraphicsContext g, Plot p, TrendRange range, double shift) {
        g.setFill(TEXT);
        g.setStroke(FRAME);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (TimeTicks.Tick t : TimeTicks.of(range, zone, p.width(), 90)) {
            double x = Math.floor(p.left() + range.fractionOf(t.at()) * p.width() + shift) + 0.5;
            if (x >= p.left() && x <= p.right()) {
                g.strokeLine(x, p.bottom(), x, p.bottom() + 4);
                g.fillText(t.label(), x, p.bottom() + 5);
            }
        }
    }

    static double y(Plot p, PenAxes.Axis axis, double value) {
        return p.bottom() - axis.fraction(value) * p.height();
    }

    static int[] axisOf(List<PenAxes.Axis> axes, int pens) {
        int[] result = new int[pens];
        for (int a = 0; a < axes.size(); a++) {
            for (int pen : axes.get(a).pens()) {
                result[pen] = a;
            }
        }
        return result;
    }

    static String format(double value, int decimals) {
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }
}
