package io.lineside.ui.layout;

import io.lineside.layout.Box;
import io.lineside.layout.ValueRange;
import io.lineside.tags.StationState;
import javafx.scene.Cursor;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The factory of symbol nodes: one builder per allow-listed kind; nothing else can be built. Shapes and texts only
 * (no controls), in the ISA-101 style: grey for normal, colour only for abnormal and always with a shape or word.
 */
final class SymbolNodes {

    private SymbolNodes() {
    }

    static SymbolNode create(SymbolViewModel vm, FloorPlanViewModel plan) {
        return switch (vm.kind()) {
            case STATION -> new StationNode(vm, plan);
            case LAMP -> new LampNode(vm);
            case VALUE -> new ValueNode(vm);
            case BAR -> new BarNode(vm);
            case SPARKLINE -> new SparkNode(vm);
            case CONVEYOR, BUFFER, TANK, VALVE, MOTOR -> EquipmentNodes.create(vm);
        };
    }

    /** A CSS class naming how abnormal a state is, for outlines and lamp shapes. */
    static String stateClass(StationState s) {
        return switch (s) {
            case FAULT -> "fp-state-fault";
            case BLOCKED, STARVED -> "fp-state-warn";
            case IDLE -> "fp-state-idle";
            case RUNNING -> "fp-state-running";
            case UNKNOWN -> "fp-state-unknown";
        };
    }

    /** Sets the state class; a style class change re-applies CSS to the subtree, so only when it differs. */
    static void stateStyle(java.util.List<String> classes, StationState s) {
        String wanted = stateClass(s);
        if (!classes.contains(wanted)) {
            classes.removeIf(c -> c.startsWith("fp-state-"));
            classes.add(wanted);
        }
    }

    private static final class StationNode extends SymbolNode {
        private final SymbolViewModel vm;
        private final Rectangle body;

        StationNode(SymbolViewModel vm, FloorPlanViewModel plan) {
            super(vm, vm.box(), "fp-station");
            this.vm = vm;
            Box b = vm.box();
            body = new Rectangle(b.width(), b.height());
            body.getStyleClass().add("fp-station-body");
            Text name = text(10, 21, vm.label(), "fp-station-name");
            setCursor(Cursor.HAND);
            setId("plan-" + vm.station().line() + "-" + vm.station().station()); // as tiles are "tile-<line>-<station>"
            setOnMouseClicked(e -> plan.openStation(vm.station()));
            ageAt(0, 21, b.width() - 8);
            build(body, name);
        }

        @Override
        void update() {
            stateStyle(body.getStyleClass(), vm.state());
        }
    }

    private static final class LampNode extends SymbolNode {
        /** One shape per state, so the state reads without colour: dot, ring, triangle, diamond, dash. */
        private static final String RUNNING = "M 0 -6 A 6 6 0 1 1 0 6 A 6 6 0 1 1 0 -6 Z";
        private static final String IDLE = "M 0 -6 A 6 6 0 1 1 0 6 A 6 6 0 1 1 0 -6 Z M 0 -3 A 3 3 0 1 0 0 3 A 3 3 0 1 0 0 -3 Z";
        private static final String WARN = "M 0 -7 L 7 6 L -7 6 Z";
        private static final String FAULT = "M 0 -8 L 8 0 L 0 8 L -8 0 Z";
        private static final String UNKNOWN = "M -6 -1.5 L 6 -1.5 L 6 1.5 L -6 1.5 Z";
        private final SymbolViewModel vm;
        private final SVGPath shape = new SVGPath();
        private final Text word;

        LampNode(SymbolViewModel vm) {
            super(vm, vm.box(), "fp-lamp");
            this.vm = vm;
            double mid = vm.box().height() / 2;
            shape.setLayoutX(10);
            shape.setLayoutY(mid);
            shape.getStyleClass().add("fp-lamp-shape");
            word = text(24, mid + 5, "", "fp-lamp-text");
            ageElsewhere(); // the station body binds the same state and shows its age on the title line
            build(shape, word);
        }

        @Override
        void update() {
            StationState s = vm.state();
            shape.setContent(switch (s) {
                case RUNNING -> RUNNING;
                case IDLE -> IDLE;
                case BLOCKED, STARVED -> WARN;
                case FAULT -> FAULT;
                case UNKNOWN -> UNKNOWN;
            });
            stateStyle(getStyleClass(), s);
            word.setText(vm.valueText());
        }
    }

    private static final class ValueNode extends SymbolNode {
        private final SymbolViewModel vm;
        private final Text value;
        private final Text caption;

        ValueNode(SymbolViewModel vm) {
            super(vm, vm.box(), "fp-readout");
            this.vm = vm;
            Box b = vm.box();
            Rectangle frame = new Rectangle(b.width(), b.height());
            frame.getStyleClass().add("fp-readout-frame");
            caption = text(6, b.height() / 2 + 5, vm.label(), "fp-caption");
            value = text(0, b.height() / 2 + 5, "", "fp-value");
            value.setWrappingWidth(b.width() - 6);
            value.setTextAlignment(TextAlignment.RIGHT);
            ageElsewhere();
            build(frame, caption, value);
        }

        @Override
        void update() {
            caption.setText(degraded() ? vm.ageText() : vm.label());
            value.setText(vm.limitText().isEmpty() ? vm.valueText() : vm.limitText() + " " + vm.valueText());
            setStyle(getStyleClass(), "fp-abnormal", vm.abnormal());
        }
    }

    private static final class BarNode extends SymbolNode {
        private static final double TRACK = 12;
        private final SymbolViewModel vm;
        private final Text caption;
        private final Rectangle fill;
        private final Text value;
        private final double width;

        BarNode(SymbolViewModel vm) {
            super(vm, vm.box(), "fp-bar");
            this.vm = vm;
            Box b = vm.box();
            width = b.width();
            double top = b.height() - TRACK;
            caption = text(0, top - 5, vm.label(), "fp-caption");
            value = text(0, top - 5, "", "fp-value");
            value.setWrappingWidth(width);
            value.setTextAlignment(TextAlignment.RIGHT);
            Rectangle track = new Rectangle(0, top, width, TRACK);
            track.getStyleClass().add("fp-bar-track");
            fill = new Rectangle(0, top + 2, 0, TRACK - 4);
            fill.getStyleClass().add("fp-bar-fill");
            ageElsewhere();
            build(caption, value, track, fill, limitMarks(vm, top));
        }

        private javafx.scene.Group limitMarks(SymbolViewModel vm, double top) {
            ValueRange range = vm.range().orElseThrow();
            javafx.scene.Group marks = new javafx.scene.Group();
            vm.limitMarks().forEach(at -> marks.getChildren().add(mark(range.fraction(at) * width, top)));
            return marks;
        }

        private static Line mark(double x, double top) {
            Line l = new Line(x, top - 3, x, top + TRACK + 3);
            l.getStyleClass().add("fp-bar-limit");
            return l;
        }

        @Override
        void update() {
            caption.setText(degraded() ? vm.ageText() : vm.label());
            double f = vm.fraction();
            fill.setWidth(Double.isNaN(f) ? 0 : f * width);
            value.setText(vm.limitText().isEmpty() ? vm.valueText() : vm.limitText() + " " + vm.valueText());
            setStyle(getStyleClass(), "fp-abnormal", vm.abnormal());
        }
    }

    private static final class SparkNode extends SymbolNode {
        private final SymbolViewModel vm;
        private final Polyline line = new Polyline();
        private final Box box;

        SparkNode(SymbolViewModel vm) {
            super(vm, vm.box(), "fp-spark");
            this.vm = vm;
            this.box = vm.box();
            Rectangle frame = new Rectangle(box.width(), box.height());
            frame.getStyleClass().add("fp-spark-frame");
            line.getStyleClass().add("fp-spark-line");
            ageElsewhere(); // the readouts above say how old the value is
            build(frame, line);
        }

        @Override
        void update() {
            double[] v = vm.recentValues();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            double span = Math.max(max - min, 1e-9);
            double pad = 4;
            Double[] points = new Double[v.length * 2];
            for (int i = 0; i < v.length; i++) {
                points[2 * i] = pad + (box.width() - 2 * pad) * i / Math.max(1, SymbolViewModel.SPARK_POINTS - 1);
                points[2 * i + 1] = box.height() - pad - (box.height() - 2 * pad) * (v[i] - min) / span;
            }
            line.getPoints().setAll(points);
        }
    }
}
