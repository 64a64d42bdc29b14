package io.lineside.testsupport;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * What an operator cannot read: a shown {@link Labeled} whose rendered text is not its whole text (JavaFX cut it to
 * an ellipsis) or that lies outside the window. FX thread only, after a layout pass.
 */
public final class Elision {

    private Elision() {
    }

    /** Every shown labeled control under {@code root} (itself included) that is elided or outside the scene. */
    public static List<String> under(Node root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    /** One labeled control's verdict appended to {@code out}, or nothing when it reads whole. */
    public static void check(Labeled l, List<String> out) {
        String full = l.getText();
        if (full == null || full.isEmpty() || !l.isVisible() || l.getScene() == null) {
            return;
        }
        if (l.getChildrenUnmodifiable().stream().noneMatch(c -> c instanceof Text)) {
            return; // a menu button draws its text with an inner label, which the walk checks
        }
        String shown = shownText(l);
        Bounds b = l.localToScene(l.getLayoutBounds());
        double width = l.getScene().getWidth();
        double height = l.getScene().getHeight();
        if (!shown.equals(full)) {
            out.add("elided: \"" + shown + "\" of \"" + full + "\"");
        } else if (b.getMaxX() > width + 0.5 || b.getMinX() < -0.5 || b.getMaxY() > height + 0.5) {
            out.add("outside the window: \"" + full + "\" at x " + Math.round(b.getMinX()) + "-"
                    + Math.round(b.getMaxX()) + ", y to " + Math.round(b.getMaxY()));
        }
    }

    /** The text JavaFX actually drew for {@code l}: its label skin's Text node. */
    public static String shownText(Labeled l) {
        return l.getChildrenUnmodifiable().stream().filter(c -> c instanceof Text).map(c -> ((Text) c).getText())
                .findFirst().orElse("");
    }

    private static void walk(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            check(l, out);
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, out);
            }
        }
    }
}
