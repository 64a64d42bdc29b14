package io.lineside.ui.theme;

/**
 * WCAG 2.x contrast between two opaque sRGB colours ({@code 0xRRGGBB}): 1:1 for equal colours, 21:1 for black on
 * white. Text needs {@link #TEXT} (level AA, normal size); state indicators and other graphics {@link #GRAPHIC}.
 * Pure functions; safe from any thread.
 */
public final class Contrast {

    /** WCAG 1.4.3, body text. */
    public static final double TEXT = 4.5;
    /** WCAG 1.4.11, graphical objects that carry meaning (state symbols, outlines). */
    public static final double GRAPHIC = 3.0;

    private Contrast() {
    }

    /** The contrast ratio, symmetric, between 1 and 21. */
    public static double ratio(int rgbA, int rgbB) {
        double a = luminance(rgbA);
        double b = luminance(rgbB);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** Relative luminance as WCAG defines it (linearised sRGB, Rec. 709 weights). */
    public static double luminance(int rgb) {
        return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
