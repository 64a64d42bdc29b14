package io.lineside.ui.layout;

import io.lineside.alarms.Priority;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The alarm marker at a symbol's top-right corner: the worst alarm's priority as a shape (diamond, triangle, square,
 * circle, hexagon), its colour and its number; its state as the fill (filled and blinking, filled, outline only);
 * a count badge for more than one alarm; a tooltip naming them. A dark (night: light) halo edges every shape, so
 * even yellow on the grey plan stands out. Unmanaged; its parts are built on the first marker and redrawn only when
 * the symbol's marker changes. A click opens the station, where its alarms are listed. FX thread only.
 */
final class AlarmMarkerNode extends Group {

    private static final String DIAMOND = "M 0 -16 L 16 0 L 0 16 L -16 0 Z";
    private static final String TRIANGLE = "M 0 -16 L 16 12 L -16 12 Z";
    private static final String SQUARE = "M -13 -13 L 13 -13 L 13 13 L -13 13 Z";
    private static final String CIRCLE = "M 0 -14 A 14 14 0 1 1 0 14 A 14 14 0 1 1 0 -14 Z";
    private static final String HEXAGON = "M -15 0 L -7.5 -13 L 7.5 -13 L 15 0 L 7.5 13 L -7.5 13 Z";

    private final SymbolViewModel symbol;
    private final FloorPlanViewModel plan;
    private final ChangeListener<Boolean> blink = (obs, was, on) -> SymbolNode.setStyle(getStyleClass(),
            "fp-marker-dim", !on);
    private SVGPath halo;
    private SVGPath shape;
    private Text number;
    private Rectangle badge;
    private Text count;
    private Tooltip tooltip;
    private boolean blinking;

    AlarmMarkerNode(SymbolViewModel symbol, FloorPlanViewModel plan) {
        this.symbol = symbol;
        this.plan = plan;
        getStyleClass().add("fp-marker");
        setId("marker-" + symbol.id());
        setManaged(false);
        setLayoutX(symbol.box().x() + symbol.box().width() - 4);
        setLayoutY(symbol.box().y() + 2);
        symbol.markerProperty().addListener((obs, old, now) -> update());
        update();
    }

    /** The marker this node draws now (null when hidden). */
    AlarmMarker shown() {
        return isVisible() ? symbol.markerProperty().get() : null;
    }

    private void build() {
        halo = new SVGPath();
        halo.getStyleClass().add("fp-marker-halo");
        shape = new SVGPath();
        shape.getStyleClass().add("fp-marker-shape");
        number = SymbolNode.text(-16, 0, "", "fp-marker-number");
        number.setWrappingWidth(32);
        number.setTextAlignment(TextAlignment.CENTER);
        badge = new Rectangle(12, 7, 18, 16);
        badge.setArcWidth(8);
        badge.setArcHeight(8);
        badge.getStyleClass().add("fp-marker-badge");
        count = SymbolNode.text(12, 19.5, "", "fp-marker-count");
        count.setWrappingWidth(18);
        count.setTextAlignment(TextAlignment.CENTER);
        getChildren().setAll(halo, shape, number, badge, count);
        tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(560);
        Tooltip.install(this, tooltip);
        setCursor(Cursor.HAND);
        setOnMouseClicked(e -> {
            plan.openStation(symbol.station()); // the station's faceplate lists its alarms: one click from the mark
            e.consume();
        });
    }

    private void update() {
        AlarmMarker m = symbol.markerProperty().get();
        setVisible(m != null);
        setBlinking(m != null && m.fill() == AlarmMarker.Fill.BLINKING);
        if (m == null) {
            return;
        }
        if (shape == null) {
            build();
        }
        String path = path(m.priority());
        halo.setContent(path);
        shape.setContent(path);
        number.setText(m.number());
        number.setY(m.priority() == Priority.HIGH ? 8.5 : 5.5); // a triangle's middle sits low
        boolean many = m.count() > 1;
        badge.setVisible(many);
        count.setVisible(many);
        String n = m.count() > 99 ? "99+" : Integer.toString(m.count());
        count.setText(n);
        badge.setWidth(n.length() > 1 ? 8 + 8 * n.length() : 18);
        count.setWrappingWidth(badge.getWidth());
        tooltip.setText(m.tooltip());
        var classes = getStyleClass();
        String wanted = "fp-marker-" + m.priority().name().toLowerCase(Locale.ROOT);
        if (!classes.contains(wanted)) {
            classes.removeIf(c -> c.startsWith("fp-marker-") && !c.equals("fp-marker-dim") && !c.equals("fp-marker-outline"));
            classes.add(wanted);
        }
        SymbolNode.setStyle(classes, "fp-marker-outline", m.fill() == AlarmMarker.Fill.OUTLINE);
    }

    private void setBlinking(boolean on) {
        if (on == blinking) {
            return;
        }
        blinking = on;
        if (on) {
            plan.blinkOnProperty().addListener(blink);
            SymbolNode.setStyle(getStyleClass(), "fp-marker-dim", !plan.blinkOnProperty().get());
        } else {
            plan.blinkOnProperty().removeListener(blink);
            SymbolNode.setStyle(getStyleClass(), "fp-marker-dim", false);
        }
    }

    private static String path(Priority p) {
        return switch (p) {
            case CRITICAL -> DIAMOND;
            case HIGH -> TRIANGLE;
            case MEDIUM -> SQUARE;
            case LOW -> CIRCLE;
            case DIAGNOSTIC -> HEXAGON;
        };
    }
}
