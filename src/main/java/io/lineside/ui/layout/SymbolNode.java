package io.lineside.ui.layout;

import io.lineside.layout.Box;
import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The node of one plan item: a group placed at its box, unmanaged, so a changed text inside never asks the plan for
 * a layout pass. Its parts are set by {@link #update}, called when the item's revision changes and never otherwise.
 * Every node carries the quality overlay: a dashed outline and the age text, shown while the value is degraded.
 * FX thread only.
 */
abstract class SymbolNode extends Group {

    private final BoundItem item;
    private final Rectangle degradedOutline;
    private final Text ageText;
    private boolean ageShown = true;

    SymbolNode(BoundItem item, Box box, String styleClass) {
        this(item, box, styleClass, box.height() + 13);
    }

    /** @param ageY where the age text goes (below the box, or below a caption under it) */
    SymbolNode(BoundItem item, Box box, String styleClass, double ageY) {
        this.item = item;
        getStyleClass().addAll("fp-symbol", styleClass);
        setManaged(false);
        setLayoutX(box.x());
        setLayoutY(box.y());
        degradedOutline = new Rectangle(-3, -3, box.width() + 6, box.height() + 6);
        degradedOutline.getStyleClass().add("fp-degraded-outline");
        degradedOutline.setMouseTransparent(true);
        ageText = new Text(0, ageY, "");
        ageText.getStyleClass().add("fp-age");
        item.revisionProperty().addListener((obs, old, now) -> refresh());
    }

    /** Adds the parts, then the overlay on top, and draws the current state. Call once from the subclass constructor. */
    final void build(javafx.scene.Node... parts) {
        getChildren().addAll(parts);
        getChildren().addAll(degradedOutline, ageText);
        refresh();
    }

    /** Moves the age text into the symbol, right-aligned within {@code width} on the baseline {@code y}. */
    final void ageAt(double x, double y, double width) {
        ageText.setX(x);
        ageText.setY(y);
        ageText.setWrappingWidth(width);
        ageText.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
    }

    /** The subclass shows the age itself (in place of its caption), or another symbol shows it. */
    final void ageElsewhere() {
        ageShown = false;
    }

    final boolean degraded() {
        return item.degraded() && item.tag().isPresent();
    }

    private void refresh() {
        boolean degraded = degraded();
        degradedOutline.setVisible(degraded);
        ageText.setVisible(degraded && ageShown);
        if (degraded) {
            ageText.setText(item.ageText());
        }
        setStyle(getStyleClass(), "fp-degraded", degraded);
        update();
    }

    /** Draws the item's current state into the parts. */
    abstract void update();

    /** Adds or removes a style class so that it is present exactly when {@code on}. */
    static void setStyle(java.util.List<String> classes, String name, boolean on) {
        if (on && !classes.contains(name)) {
            classes.add(name);
        } else if (!on) {
            classes.remove(name);
        }
    }

    static Text text(double x, double y, String content, String styleClass) {
        Text t = new Text(x, y, content);
        t.getStyleClass().add(styleClass);
        return t;
    }
}
