package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import io.lineside.tags.Quality;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link TrendData} onto a canvas in the ISA-101 grey style: plot frame and grid, hatched grey bands where a
 * bucket's worst quality is not GOOD (labelled with the quality word, never colour alone), per pen one path of M4
 * spans (first, min, max, last per pixel column) broken at gaps, stacked colour-keyed y-axes with units, a time
 * axis, and the cursor's value box. Stateless between calls apart from its settings. FX thread only.
 */
final class TrendPainter {

    /** Day defaults, for tests that read pixels without a stylesheet. */
    static final Color PLOT = TrendColours.DAY.plot();
    static final Color SHADE = TrendColours.DAY.shade();
    static final Color HATCH = TrendColours.DAY.hatch();
    static final double AXIS_WIDTH = 52;
    private static final double HEADER = 20;
    private static final double FOOTER = 20;

    private final ZoneId zone;
    private final Texts texts;
    private final boolean compact;
    private final Font font = Font.font(Font.getDefault().getFamily(), 11);
    private final CursorBox cursorBox;
    private final PenRaster raster = new PenRaster();
    private final Text measure = new Text();
    private WritableImage pens;
    private TrendColours.Palette colours = TrendColours.DAY;

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
        measure.setFont(font);
    }

    /** Colours for the next paint (from the stylesheet; see {@link TrendColours}). */
    void setColours(TrendColours.Palette palette) {
        colours = palette;
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
     * Paints the base layer: plot, quality bands, grid, pens, frame and axes. {@code shift} moves the data right by
     * that many pixels (a pan in progress); {@code pensChanged} false reuses the last pen raster (axes, size and
     * shift unchanged).
     */
    void paint(GraphicsContext g, double width, double height, TrendData data, List<PenAxes.Axis> axes,
               boolean[][] breaks, double shift, boolean pensChanged) {
        g.clearRect(0, 0, width, height);
        Plot p = plot(width, height, axes.size());
        g.setFill(colours.plot());
        g.fillRect(p.left(), p.top(), p.width(), p.height());
        g.setFont(font);
        if (data != null) { // no clip: the software pipeline clips through a mask, which costs more than the pens
            shade(g, p, data, shift);
            if (!compact) {
                grid(g, p, data.range(), axes, shift);
            }
            if (pensChanged || pens == null) {
                pens = raster.draw(data, axes, breaks, colours.pens(), (int) Math.round(p.width()), (int) Math.round(p.height()),
                        shift);
            }
            g.drawImage(pens, p.left(), p.top());
            if (!compact) {
                AlarmMarksPainter.paint(g, p, data, shift, colours);
            }
        }
        g.setStroke(colours.frame());
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
    }

    /**
     * Paints the overlay layer: box selection and cursor with its value box. Kept apart so moving the mouse redraws
     * a few lines and a box, not 50 pens. {@code cursorX} and {@code selectFrom} are NaN when absent.
     */
    void paintOverlay(GraphicsContext g, double width, double height, TrendData data, List<PenAxes.Axis> axes,
                      double shift, double cursorX, double selectFrom, double selectTo) {
        g.clearRect(0, 0, width, height);
        if (compact || data == null) {
            return;
        }
        Plot p = plot(width, height, axes.size());
        if (!Double.isNaN(selectFrom)) {
            double x0 = Math.min(selectFrom, selectTo);
            g.setFill(colours.pen(0).deriveColor(0, 1, 1, 0.15));
            g.fillRect(x0, p.top(), Math.abs(selectTo - selectFrom), p.height());
            g.setStroke(colours.pen(0));
            g.setLineWidth(1);
            g.strokeRect(x0, p.top(), Math.abs(selectTo - selectFrom), p.height());
        }
        if (!Double.isNaN(cursorX) && cursorX >= p.left() && cursorX <= p.right()) {
            Instant at = data.range().at((cursorX - shift - p.left()) / p.width());
            cursorBox.paint(g, p, cursorX, at, data, axes, axisOf(axes, data.pens().size()), colours);
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
        g.setFill(colours.shade());
        g.fillRect(x, p.top(), w, p.height());
        g.setStroke(colours.hatch());
        g.setLineWidth(1);
        double h = p.height();
        for (double d = x - h; d < x + w; d += 7) { // 45° lines from (d, bottom) to (d + h, top), cut to the band
            double t0 = Math.max(0, (x - d) / h);
            double t1 = Math.min(1, (x + w - d) / h);
            if (t0 < t1) {
                g.strokeLine(d + t0 * h, p.bottom() - t0 * h, d + t1 * h, p.bottom() - t1 * h);
            }
        }
        String word = texts.quality(quality);
        measure.setText(word);
        double textWidth = measure.getLayoutBounds().getWidth();
        if (!compact && w >= textWidth + 10) {
            g.setFill(colours.plot());
            g.fillRect(x + 2, p.top() + 2, textWidth + 6, 15);
            g.setFill(colours.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(word, x + 5, p.top() + 3);
        }
    }

    private void grid(GraphicsContext g, Plot p, TrendRange range, List<PenAxes.Axis> axes, double shift) {
        g.setStroke(colours.grid());
        g.setLineWidth(1);
        for (TimeTicks.Tick t : TimeTicks.of(range, zone, p.width(), 90)) {
            double x = Math.floor(p.left() + range.fractionOf(t.at()) * p.width() + shift) + 0.5;
            if (x > p.left() && x < p.right()) {
                g.strokeLine(x, p.top(), x, p.bottom());
            }
        }
        if (!axes.isEmpty()) {
            PenAxes.Axis a = axes.getFirst();
            for (double v = a.lo() + a.step(); v < a.hi() - a.step() / 2; v += a.step()) {
                double y = Math.floor(y(p, a, v)) + 0.5;
                g.strokeLine(p.left(), y, p.right(), y);
            }
        }
    }

    private void yAxis(GraphicsContext g, Plot p, List<PenAxes.Axis> axes, int index, TrendData data) {
        PenAxes.Axis axis = axes.get(index);
        int leftCount = (axes.size() + 1) / 2;
        boolean left = index < leftCount;
        int slot = left ? index : index - leftCount;
        double x = left ? p.left() - slot * AXIS_WIDTH : p.right() + slot * AXIS_WIDTH;
        Color colour = axis.pens().size() == 1 ? colours.pen(axis.pens().getFirst()) : colours.text();
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

    /** Ticks in the plant zone, which the axis names at its right end (a tick label that would touch it is left out). */
    private void timeAxis(GraphicsContext g, Plot p, TrendRange range, double shift) {
        g.setFill(colours.text());
        g.setStroke(colours.frame());
        String zoneLabel = zoneLabel();
        measure.setText(zoneLabel);
        double zoneLeft = p.right() - measure.getLayoutBounds().getWidth();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(zoneLabel, p.right(), p.bottom() + 5);
        g.setTextAlign(TextAlignment.CENTER);
        for (TimeTicks.Tick t : TimeTicks.of(range, zone, p.width(), 90)) {
            double x = Math.floor(p.left() + range.fractionOf(t.at()) * p.width() + shift) + 0.5;
            if (x >= p.left() && x <= p.right()) {
                g.strokeLine(x, p.bottom(), x, p.bottom() + 4);
                measure.setText(t.label());
                if (x + measure.getLayoutBounds().getWidth() / 2 < zoneLeft - 6) {
                    g.fillText(t.label(), x, p.bottom() + 5);
                }
            }
        }
    }

    /** "Times in Asia/Shanghai": the zone the axis is in, as the header and the review say it. */
    String zoneLabel() {
        return texts.get("shift.zone", zone.getId());
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
