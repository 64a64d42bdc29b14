package io.lineside.ui.nav;

import java.time.Instant;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * One level's view as the navigation host shows it: a node, fed by the window's pulse while shown, and
 * disposed when the operator leaves it. A level view is self-contained (its own view-model), so the same level
 * can be open in two windows. FX thread only.
 */
public interface LevelView {

    Node node();

    /** Pulls live data into the view (called once per pulse while shown). */
    void pulse(Instant now);

    /** Unsubscribes and stops whatever the view started; it is not shown again. */
    void dispose();

    /** A view of a node that needs no pulse and holds nothing. */
    static LevelView of(Node node) {
        return of(node, now -> { }, () -> { });
    }

    /** A view of {@code node}, fed by {@code pulse} while shown and ended by {@code dispose}. */
    static LevelView of(Node node, Consumer<Instant> pulse, Runnable dispose) {
        return new LevelView() {
            @Override
            public Node node() {
                return node;
            }

            @Override
            public void pulse(Instant now) {
                pulse.accept(now);
            }

            @Override
            public void dispose() {
                dispose.run();
            }
        };
    }
}
