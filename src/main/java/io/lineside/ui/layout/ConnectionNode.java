package io.lineside.ui.layout;

import io.lineside.layout.Box;
import io.lineside.layout.ConnectionKind;
import javafx.scene.Group;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;

/**
 * A connection's node: a line from the edge of one box to the edge of the other with an arrowhead; conveyors are
 * drawn wide, flows as pipes. Moving is drawn solid and dark, stopped dashed and light. Unmanaged, like symbols.
 * FX thread only.
 */
final class ConnectionNode extends Group {

    private final ConnectionViewModel vm;
    private final Text age;

    ConnectionNode(ConnectionViewModel vm) {
        this.vm = vm;
        setManaged(false);
        setMouseTransparent(true);
        getStyleClass().addAll("fp-connection", vm.kind() == ConnectionKind.CONVEYOR ? "fp-conv" : "fp-flow");
        double[] a = edge(vm.from(), vm.to().centerX(), vm.to().centerY());
        double[] b = edge(vm.to(), vm.from().centerX(), vm.from().centerY());
        Line line = new Line(a[0], a[1], b[0], b[1]);
        line.getStyleClass().add("fp-connection-line");
        double angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
        double size = vm.kind() == ConnectionKind.CONVEYOR ? 9 : 7;
        Polygon head = new Polygon(b[0], b[1],
                b[0] - size * Math.cos(angle - 0.45), b[1] - size * Math.sin(angle - 0.45),
                b[0] - size * Math.cos(angle + 0.45), b[1] - size * Math.sin(angle + 0.45));
        head.getStyleClass().add("fp-connection-head");
        age = new Text((a[0] + b[0]) / 2 - 20, (a[1] + b[1]) / 2 - 8, "");
        age.getStyleClass().add("fp-age");
        getChildren().addAll(line, head, age);
        vm.revisionProperty().addListener((obs, old, now) -> update());
        update();
    }

    private void update() {
        boolean degraded = vm.degraded() && vm.tag().isPresent();
        SymbolNode.setStyle(getStyleClass(), "fp-active", vm.running());
        SymbolNode.setStyle(getStyleClass(), "fp-degraded", degraded);
        age.setVisible(degraded);
        age.setText(degraded ? vm.ageText() : "");
    }

    /** Where the line from the box's centre towards (tx, ty) leaves the box. */
    static double[] edge(Box box, double tx, double ty) {
        double cx = box.centerX();
        double cy = box.centerY();
        double dx = tx - cx;
        double dy = ty - cy;
        if (dx == 0 && dy == 0) {
            return new double[] {cx, cy};
        }
        double sx = dx == 0 ? Double.POSITIVE_INFINITY : (box.width() / 2) / Math.abs(dx);
        double sy = dy == 0 ? Double.POSITIVE_INFINITY : (box.height() / 2) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[] {cx + dx * s, cy + dy * s};
    }
}
