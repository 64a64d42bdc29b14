package io.lineside.ui;

import java.time.Instant;

/**
 * A view-model as the window shell drives it, from one list: pulled once per pulse, re-formatted after a language
 * switch, released when the window closes. View-models outlive their views (a language switch rebuilds the views),
 * so what they hold survives; each step defaults to nothing for a view-model that has nothing to do in it.
 * FX thread only.
 */
public interface Lifecycle {

    /** Pulls what changed since the last pulse into the properties the views bind ({@code now}: the wall clock). */
    default void pulse(Instant now) {
    }

    /** Re-formats what was formatted, in the current language of {@link Texts} (after a language switch). */
    default void relocalize() {
    }

    /** Stops listening to the producers (store, session, timers); the view-model is not used again. */
    default void dispose() {
    }
}
