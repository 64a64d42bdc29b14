package io.lineside.ui.window;

/** A screen's usable area (without task bars) in virtual-desktop coordinates, as the toolkit reports it. */
public record ScreenArea(double x, double y, double width, double height) {

    public ScreenArea {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a screen needs a positive size, got " + width + " x " + height);
        }
    }
}
