package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import java.util.Arrays;
import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Rasterises pens into an ARGB buffer, one vertical span per pixel column: per bucket the span from its first over
 * its extremes to its last value, joined to the previous bucket's last unless the line breaks there. This is M4
 * drawn pixel-exact, and it costs the pixels touched, not the path length: the software pipeline strokes a
 * 50 × 1,600-point anti-aliased path in seconds, this takes milliseconds. FX thread only (owns its image).
 */
final class PenRaster {

    private int width;
    private int height;
    private int[] pixels = new int[0];
    private WritableImage image;

    /** Draws every pen of {@code data} into a {@code w × h} image (the plot), data shifted by {@code shift} px. */
    WritableImage draw(TrendData data, List<PenAxes.Axis> axes, boolean[][] breaks, List<Color> colours, int w, int h,
                       double shift) {
        if (w != width || h != height || image == null) {
            width = Math.max(1, w);
            height = Math.max(1, h);
            pixels = new int[width * height];
            image = new WritableImage(width, height);
        } else {
            Arrays.fill(pixels, 0);
        }
        int[] axisOf = TrendPainter.axisOf(axes, data.pens().size());
        double scale = width / (double) data.range().span().toMillis();
        long from = data.from().toEpochMilli();
        for (int pen = 0; pen < data.pens().size(); pen++) {
            pen(data.buckets().get(pen), breaks[pen], axes.get(axisOf[pen]),
                    argb(colours.get(pen % colours.size())), scale, from, shift);
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), pixels, 0, width);
        return image;
    }

    private void pen(List<TrendBucket> buckets, boolean[] breaks, PenAxes.Axis axis, int colour, double scale,
                     long from, double shift) {
        int lastX = Integer.MIN_VALUE;
        double lastY = 0;
        for (int i = 0; i < buckets.size(); i++) {
            TrendBucket b = buckets.get(i);
            if (!b.hasGoodValues()) {
                continue;
            }
            int xs = (int) Math.floor((b.start().toEpochMilli() - from) * scale + shift);
            int xe = Math.max(xs, (int) Math.ceil((b.end().toEpochMilli() - from) * scale + shift) - 1);
            if (xe < 0 || xs >= width) {
                lastX = Integer.MIN_VALUE;
                continue;
            }
            double yFirst = y(axis, b.first());
            double yLast = y(axis, b.last());
            double yMin = y(axis, b.min());
            double yMax = y(axis, b.max());
            if (breaks[i] || lastX == Integer.MIN_VALUE) {
                span(xs, yFirst, yFirst, colour);
            } else {
                line(lastX, lastY, xs, yFirst, colour);
            }
            int xm = (xs + xe) / 2;
            line(xs, yFirst, xm, yFirst, colour);
            span(xm, yMin, yMax, colour);
            line(xm, yLast, xe, yLast, colour);
            span(xm, Math.min(yFirst, yLast), Math.max(yFirst, yLast), colour);
            lastX = xe;
            lastY = yLast;
        }
    }

    /** A line as column spans: each column covers from where the line enters it to where it leaves. */
    private void line(int x0, double y0, int x1, double y1, int colour) {
        if (x1 <= x0) {
            span(x1, Math.min(y0, y1), Math.max(y0, y1), colour);
            return;
        }
        double slope = (y1 - y0) / (x1 - x0);
        for (int x = x0 + 1; x <= x1; x++) {
            double a = y0 + slope * (x - 1 - x0);
            double b = y0 + slope * (x - x0);
            span(x, Math.min(a, b), Math.max(a, b), colour);
        }
    }

    /** Fills column {@code x} from {@code top} to {@code bottom} (canvas y, down), one extra pixel so flat runs read. */
    private void span(int x, double top, double bottom, int colour) {
        if (x < 0 || x >= width) {
            return;
        }
        int y0 = Math.max(0, (int) Math.floor(top));
        int y1 = Math.min(height - 1, (int) Math.floor(bottom) + 1);
        for (int y = y0; y <= y1; y++) {
            pixels[y * width + x] = colour;
        }
    }

    private double y(PenAxes.Axis axis, double value) {
        return (1 - axis.fraction(value)) * (height - 1);
    }

    private static int argb(Color c) {
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
