package io.lineside.layout;

/** A rectangle on the floor plan, in plan units (the plan's own coordinates, scaled to fit when shown). */
public record Box(double x, double y, double width, double height) {

    public Box {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a box needs a positive size, was " + width + " x " + height);
        }
    }

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** This box moved by {@code dx, dy}. */
    public Box offset(double dx, double dy) {
        return new Box(x + dx, y + dy, width, height);
    }

    /** The smallest box holding both. */
    public Box union(Box other) {
        double minX = Math.min(x, other.x);
        double minY = Math.min(y, other.y);
        return new Box(minX, minY, Math.max(maxX(), other.maxX()) - minX, Math.max(maxY(), other.maxY()) - minY);
    }
}
