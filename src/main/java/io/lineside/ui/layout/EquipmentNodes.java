package io.lineside.ui.layout;

import io.lineside.layout.Box;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Builders for the equipment kinds (conveyor, buffer, tank, valve, motor). Running or open is drawn filled, stopped
 * or closed hollow, so the difference never rests on colour alone.
 */
final class EquipmentNodes {

    private EquipmentNodes() {
    }

    static SymbolNode create(SymbolViewModel vm) {
        return switch (vm.kind()) {
            case CONVEYOR -> new Conveyor(vm);
            case BUFFER, TANK -> new Vessel(vm);
            case VALVE -> new Valve(vm);
            case MOTOR -> new Motor(vm);
            default -> throw new IllegalArgumentException("not equipment: " + vm.kind());
        };
    }

    /** A caption centred under the box. */
    static Text below(SymbolViewModel vm) {
        Box b = vm.box();
        Text t = SymbolNode.text(-30, b.height() + 13, vm.label(), "fp-caption");
        t.setWrappingWidth(b.width() + 60);
        t.setTextAlignment(TextAlignment.CENTER);
        return t;
    }

    private static final class Conveyor extends SymbolNode {
        private final SymbolViewModel vm;

        Conveyor(SymbolViewModel vm) {
            super(vm, vm.box(), "fp-conveyor", vm.box().height() + 26);
            this.vm = vm;
            Box b = vm.box();
            Rectangle belt = new Rectangle(b.width(), b.height());
            belt.getStyleClass().add("fp-belt");
            javafx.scene.Group rollers = new javafx.scene.Group();
            double r = Math.min(4, b.height() / 4);
            for (double x = r + 2; x < b.width() - r; x += 4 * r) {
                Circle c = new Circle(x, b.height() / 2, r);
                c.getStyleClass().add("fp-roller");
                rollers.getChildren().add(c);
            }
            build(belt, rollers, below(vm));
        }

        @Override
        void update() {
            setStyle(getStyleClass(), "fp-active", vm.active());
        }
    }

    /** A buffer or tank: an outline filled from the bottom to the value's place on the range. */
    private static final class Vessel extends SymbolNode {
        private final SymbolViewModel vm;
        private final Rectangle level;
        private final Text value;

        Vessel(SymbolViewModel vm) {
            super(vm, vm.box(), vm.kind() == io.lineside.layout.SymbolKind.TANK ? "fp-tank" : "fp-buffer",
                    vm.box().height() + 26);
            this.vm = vm;
            Box b = vm.box();
            boolean tank = vm.kind() == io.lineside.layout.SymbolKind.TANK;
            Rectangle shell = new Rectangle(b.width(), b.height());
            shell.getStyleClass().add("fp-vessel");
            if (tank) {
                shell.setArcWidth(b.width() * 0.6);
                shell.setArcHeight(Math.min(b.height() * 0.3, 24));
            }
            level = new Rectangle(2, b.height() - 2, b.width() - 4, 0);
            level.getStyleClass().add("fp-level");
            value = SymbolNode.text(0, b.height() / 2 + 4, "", "fp-vessel-value");
            value.setWrappingWidth(b.width());
            value.setTextAlignment(TextAlignment.CENTER);
            build(shell, level, value, below(vm));
        }

        @Override
        void update() {
            double f = vm.fraction();
            double h = vm.box().height() - 4;
            double filled = Double.isNaN(f) ? 0 : f * h;
            level.setY(2 + h - filled);
            level.setHeight(filled);
            value.setText(vm.tag().isPresent() ? vm.valueText() : "");
            setStyle(getStyleClass(), "fp-abnormal", vm.abnormal());
        }
    }

    private static final class Valve extends SymbolNode {
        private final SymbolViewModel vm;

        Valve(SymbolViewModel vm) {
            super(vm, vm.box(), "fp-valve", vm.box().height() + 26);
            this.vm = vm;
            Box b = vm.box();
            double w = b.width();
            double h = b.height();
            double mid = h * 0.65;
            double half = Math.min(h * 0.35, w / 3);
            Polygon bowTie = new Polygon(0, mid - half, w / 2, mid, 0, mid + half);
            Polygon right = new Polygon(w, mid - half, w / 2, mid, w, mid + half);
            bowTie.getStyleClass().add("fp-valve-body");
            right.getStyleClass().add("fp-valve-body");
            Line stem = new Line(w / 2, mid, w / 2, 4);
            stem.getStyleClass().add("fp-valve-stem");
            Rectangle actuator = new Rectangle(w / 2 - 7, 0, 14, 5);
            actuator.getStyleClass().add("fp-valve-stem");
            // Caption beside, not below: pipes usually leave a valve downwards.
            Text caption = SymbolNode.text(w + 5, mid + 4, vm.label(), "fp-caption");
            build(stem, actuator, bowTie, right, caption);
        }

        @Override
        void update() {
            setStyle(getStyleClass(), "fp-active", vm.active());
        }
    }

    private static final class Motor extends SymbolNode {
        private final SymbolViewModel vm;

        Motor(SymbolViewModel vm) {
            super(vm, vm.box(), "fp-motor", vm.box().height() + 26);
            this.vm = vm;
            Box b = vm.box();
            double r = Math.min(b.width(), b.height()) / 2 - 1;
            Circle body = new Circle(b.width() / 2, b.height() / 2, r);
            body.getStyleClass().add("fp-motor-body");
            Text m = SymbolNode.text(0, b.height() / 2 + 6, "M", "fp-motor-letter");
            m.setWrappingWidth(b.width());
            m.setTextAlignment(TextAlignment.CENTER);
            build(body, m, below(vm));
        }

        @Override
        void update() {
            setStyle(getStyleClass(), "fp-active", vm.active());
        }
    }
}
