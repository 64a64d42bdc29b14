package io.lineside.shifts.pdf;

import io.lineside.shifts.CounterIncrease;
import io.lineside.shifts.Downtime;
import io.lineside.shifts.ShiftFormat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The report's two charts as vector graphics: a downtime Pareto and the output trend. */
final class PdfCharts {

    private PdfCharts() {
    }

    /** Bars of stop minutes by reason, largest first, with the cumulative share as a line on a 0–100 % scale. */
    static void pareto(PdfCanvas c, float x, float top, float w, float h, String title, List<Downtime.ParetoBar> bars,
                       ShiftFormat format) throws IOException {
        c.text(x, top - 10, 9, PdfCanvas.INK, title);
        float plotTop = top - 20;
        float plotBottom = top - h + 22;
        float left = x + 28;
        float right = x + w - 26;
        c.line(left, plotBottom, right, plotBottom, PdfCanvas.RULE, 0.6f);
        if (bars.isEmpty()) {
            c.text(left + 6, (plotTop + plotBottom) / 2, 8, PdfCanvas.MUTED, format.text("shift.na"));
            return;
        }
        double max = bars.getFirst().total().toSeconds() / 60.0;
        double scale = niceCeiling(max);
        c.textRight(left - 3, plotTop - 3, 7, PdfCanvas.MUTED, String.format(java.util.Locale.ROOT, "%.0f", scale));
        c.textRight(left - 3, plotBottom - 2, 7, PdfCanvas.MUTED, "0");
        c.text(right + 3, plotTop - 3, 7, PdfCanvas.MUTED, "100%");
        float slot = (right - left) / bars.size();
        float[] xs = new float[bars.size()];
        float[] ys = new float[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            Downtime.ParetoBar bar = bars.get(i);
            float barHeight = (float) (bar.total().toSeconds() / 60.0 / scale * (plotTop - plotBottom));
            float bx = left + i * slot + slot * 0.18f;
            c.box(bx, plotBottom, slot * 0.64f, barHeight, PdfCanvas.BAR);
            String label = format.reason(bar.reason());
            float size = Math.min(7, 7 * (slot - 2) / Math.max(1, c.width(label, 7)));
            c.text(left + i * slot + (slot - c.width(label, size)) / 2, plotBottom - 9, size, PdfCanvas.INK, label);
            xs[i] = left + i * slot + slot / 2;
            ys[i] = plotBottom + (float) (bar.cumulativePercent() / 100 * (plotTop - plotBottom));
        }
        c.polyline(xs, ys, PdfCanvas.LINE, 1.2f);
        for (int i = 0; i < xs.length; i++) {
            c.box(xs[i] - 1.5f, ys[i] - 1.5f, 3, 3, PdfCanvas.LINE);
        }
        c.text(x, top - h + 4, 7, PdfCanvas.MUTED, format.text("shift.minutes"));
    }

    /** The output station's count since the shift start against time. */
    static void output(PdfCanvas c, float x, float top, float w, float h, String title, List<CounterIncrease.Point> points,
                       Instant from, Instant to, ShiftFormat format) throws IOException {
        c.text(x, top - 10, 9, PdfCanvas.INK, title);
        float plotTop = top - 20;
        float plotBottom = top - h + 22;
        float left = x + 34;
        float right = x + w - 8;
        c.line(left, plotBottom, right, plotBottom, PdfCanvas.RULE, 0.6f);
        c.line(left, plotBottom, left, plotTop, PdfCanvas.RULE, 0.6f);
        long last = points.isEmpty() ? 0 : points.getLast().count();
        double scale = niceCeiling(Math.max(1, last));
        c.textRight(left - 3, plotTop - 3, 7, PdfCanvas.MUTED, String.format(java.util.Locale.ROOT, "%.0f", scale));
        c.textRight(left - 3, plotBottom - 2, 7, PdfCanvas.MUTED, "0");
        c.text(left, plotBottom - 9, 7, PdfCanvas.MUTED, format.time(from).substring(0, 5));
        c.textRight(right, plotBottom - 9, 7, PdfCanvas.MUTED, format.time(to).substring(0, 5));
        double span = Math.max(1, Duration.between(from, to).toMillis());
        float[] xs = new float[points.size() + 1];
        float[] ys = new float[points.size() + 1];
        xs[0] = left;
        ys[0] = plotBottom;
        for (int i = 0; i < points.size(); i++) {
            CounterIncrease.Point p = points.get(i);
            xs[i + 1] = left + (float) (Duration.between(from, p.at()).toMillis() / span * (right - left));
            ys[i + 1] = plotBottom + (float) (p.count() / scale * (plotTop - plotBottom));
        }
        c.polyline(xs, ys, PdfCanvas.BAR, 1.4f);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
