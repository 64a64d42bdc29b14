package io.lineside.ui.trend;

import io.lineside.alarms.Priority;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The alarm marks of a trend, along the bottom of the plot: at each activation the priority's shape in its colour
 * with its number (as the floor plan's markers and the summary's glyphs: never the pen colour, never colour alone)
 * and a dashed line up through the pens, so the value at that moment reads off; from there a thick bar while the
 * condition is active, a thin one from its return until it is over, and a tick where it was acknowledged. Every
 * colour is edged in the text colour, so yellow stays visible on the plot in both themes. FX thread only.
 */
final class AlarmMarksPainter {

    /** The theme's priority fills (lineside.css {@code -ls-priority-*}; the night theme keeps them). */
    static final Map<Priority, Color> FILL = Map.of(Priority.CRITICAL, Color.web("#c8102e"),
            Priority.HIGH, Color.web("#f28c00"), Priority.MEDIUM, Color.web("#f5d000"),
            Priority.LOW, Color.web("#6fa8dc"), Priority.DIAGNOSTIC, Color.web("#5a5a5a"));
    /** How far above the plot's bottom the marks' lane runs. */
    static final double LANE = 12;
    private static final double R = 8;
    private static final Font NUMBER = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 10);

    private AlarmMarksPainter() {
    }

    static void paint(GraphicsContext g, TrendPainter.Plot p, TrendData data, double shift, TrendColours.Palette colours) {
        if (data.alarms().isEmpty()) {
            return;
        }
        // Lowest priority first, so a critical mark is drawn over a low one at the same time.
        List<TrendAlarmMark> marks = data.alarms().stream()
                .sorted(Comparator.comparing(TrendAlarmMark::priority).reversed()).toList();
        double lane = p.bottom() - LANE;
        for (TrendAlarmMark m : marks) {
            Color fill = FILL.get(m.priority());
            double x0 = m.activated() == null ? p.left() : x(p, data, m.activated(), shift);
            double x1 = m.ended() == null ? p.right() : x(p, data, m.ended(), shift);
            double xr = m.returned() == null ? x1 : x(p, data, m.returned(), shift);
            if (x1 < p.left() || x0 > p.right()) {
                continue;
            }
            bar(g, p, x0, xr, lane, 4, fill, colours.text());
            bar(g, p, xr, x1, lane, 1.5, fill, colours.text());
            if (m.acked() != null) {
                double xa = x(p, data, m.acked(), shift);
                if (xa >= p.left() && xa <= p.right()) {
                    g.setStroke(colours.text());
                    g.setLineWidth(2);
                    g.strokeLine(xa, lane - 8, xa, lane + 8);
                }
            }
            if (m.activated() != null && x0 >= p.left() && x0 <= p.right()) {
                g.setStroke(fill);
                g.setLineWidth(1);
                g.setLineDashes(4, 3);
                g.strokeLine(Math.floor(x0) + 0.5, p.top(), Math.floor(x0) + 0.5, lane - R);
                g.setLineDashes();
                glyph(g, x0, lane, m.priority(), fill, colours.text());
            }
        }
    }

    /** Where {@code t} falls on the plot, in canvas pixels. */
    static double x(TrendPainter.Plot p, TrendData data, Instant t, double shift) {
        return p.left() + data.range().fractionOf(t) * p.width() + shift;
    }

    private static void bar(GraphicsContext g, TrendPainter.Plot p, double a, double b, double y, double width,
                            Color fill, Color edge) {
        double from = Math.max(p.left(), a);
        double to = Math.min(p.right(), b);
        if (to <= from) {
            return;
        }
        g.setStroke(edge);
        g.setLineWidth(width + 2);
        g.strokeLine(from, y, to, y);
        g.setStroke(fill);
        g.setLineWidth(width);
        g.strokeLine(from, y, to, y);
    }

    private static void glyph(GraphicsContext g, double x, double y, Priority priority, Color fill, Color edge) {
        double[][] shape = switch (priority) {
            case CRITICAL -> new double[][] {{x, x + R + 1, x, x - R - 1}, {y - R - 1, y, y + R + 1, y}};
            case HIGH -> new double[][] {{x, x + R + 1, x - R - 1}, {y - R - 1, y + R - 1, y + R - 1}};
            case MEDIUM -> new double[][] {{x - R + 1, x + R - 1, x + R - 1, x - R + 1},
                {y - R + 1, y - R + 1, y + R - 1, y + R - 1}};
            default -> null;
        };
        g.setFill(fill);
        g.setStroke(edge);
        g.setLineWidth(1.5);
        if (shape == null) {
            g.fillOval(x - R, y - R, 2 * R, 2 * R);
            g.strokeOval(x - R, y - R, 2 * R, 2 * R);
        } else {
            g.fillPolygon(shape[0], shape[1], shape[0].length);
            g.strokePolygon(shape[0], shape[1], shape[0].length);
        }
        g.setFill(priority == Priority.CRITICAL || priority == Priority.DIAGNOSTIC ? Color.WHITE : Color.BLACK);
        g.setFont(NUMBER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(Integer.toString(priority.ordinal() + 1), x, priority == Priority.HIGH ? y + 1.5 : y);
    }
}
