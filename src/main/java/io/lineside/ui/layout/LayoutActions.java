package io.lineside.ui.layout;

import io.lineside.layout.Layout;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the floor plan may ask of the layout source. The implementation checks the permission and writes the audit
 * row before it reads the file. Safe from any thread; the future completes off the FX thread and never
 * exceptionally: a refusal or a bad file is part of the {@link Outcome}.
 */
public interface LayoutActions {

    /**
     * What came of a reload.
     *
     * @param layout  the new layout, or empty when it was refused (the previous one stays)
     * @param problem the precise reason when refused (layout file:line: what is wrong), else empty
     */
    record Outcome(Optional<Layout> layout, String problem) {
        public static Outcome loaded(Layout layout) {
            return new Outcome(Optional.of(layout), "");
        }

        public static Outcome refused(String problem) {
            return new Outcome(Optional.empty(), problem);
        }
    }

    /** Reads the configured layout file again (an engineer's action). */
    CompletableFuture<Outcome> reload();
}
