package io.lineside.ui.window;

import java.util.List;
import java.util.Objects;

/**
 * Where a window stood when it was last closed, to put it back at the next start.
 *
 * @param viewId    what it shows ({@link ViewRegistry} id; {@link #MAIN} for the main window)
 * @param screen    the index of the screen it was on, in the toolkit's screen order
 * @param maximized whether it filled its screen (x, y, width and height are then the size to restore to)
 */
public record WindowPlacement(String viewId, double x, double y, double width, double height, boolean maximized,
                              int screen) {

    /** The main window's id. */
    public static final String MAIN = "main";
    /** Smaller than this a window is not usable, whatever was saved. */
    static final double MIN_WIDTH = 320;
    static final double MIN_HEIGHT = 240;

    public WindowPlacement {
        Objects.requireNonNull(viewId, "viewId");
    }

    /**
     * This placement moved onto a screen that exists now: its own screen if that is still there, else the first
     * (primary) one; shrunk to fit that screen and shifted so the whole window is on it. A window saved on a second
     * monitor that is gone therefore opens on the primary one, never off-screen.
     *
     * @param screens the screens now, in the toolkit's order; the first is the primary one
     * @throws IllegalArgumentException if there are no screens
     */
    public WindowPlacement clampTo(List<ScreenArea> screens) {
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("no screens to place " + viewId + " on");
        }
        int index = screen >= 0 && screen < screens.size() ? screen : 0;
        ScreenArea s = screens.get(index);
        double w = Math.min(Math.max(width, MIN_WIDTH), s.width());
        double h = Math.min(Math.max(height, MIN_HEIGHT), s.height());
        double nx = Math.min(Math.max(x, s.x()), s.x() + s.width() - w);
        double ny = Math.min(Math.max(y, s.y()), s.y() + s.height() - h);
        return new WindowPlacement(viewId, nx, ny, w, h, maximized, index);
    }

    /**
     * This placement moved down below {@code keep} (the main window's alarm banner, which must stay in sight) and
     * shortened to end on {@code screen}; unchanged when it does not overlap {@code keep}. A maximized window that
     * would cover it is restored to the area below.
     */
    public WindowPlacement clearOf(ScreenArea keep, ScreenArea screen) {
        boolean overlaps = x < keep.x() + keep.width() && x + width > keep.x()
                && y < keep.y() + keep.height() && y + height > keep.y();
        boolean coversWhenMaximized = maximized && keep.x() < screen.x() + screen.width()
                && keep.x() + keep.width() > screen.x() && keep.y() < screen.y() + screen.height()
                && keep.y() + keep.height() > screen.y();
        if (!overlaps && !coversWhenMaximized) {
            return this;
        }
        double top = keep.y() + keep.height();
        double room = screen.y() + screen.height() - top;
        double h = Math.max(MIN_HEIGHT, maximized ? room : Math.min(height, room));
        return new WindowPlacement(viewId, maximized ? screen.x() : x, top, maximized ? screen.width() : width, h,
                false, this.screen);
    }
}
