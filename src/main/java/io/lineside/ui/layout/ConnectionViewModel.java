package io.lineside.ui.layout;

import io.lineside.layout.Box;
import io.lineside.layout.ConnectionKind;
import io.lineside.layout.LayoutConnection;
import io.lineside.ui.Texts;

/** A conveyor or flow between two symbols, moving while its running tag says so. FX thread only. */
public final class ConnectionViewModel extends BoundItem {

    private final LayoutConnection connection;
    private final Box from;
    private final Box to;
    private boolean running;

    ConnectionViewModel(LayoutConnection connection, Box from, Box to, Texts texts) {
        super(connection.running(), texts);
        this.connection = connection;
        this.from = from;
        this.to = to;
    }

    public ConnectionKind kind() {
        return connection.kind();
    }

    /** The upstream symbol's box, in plan units. */
    public Box from() {
        return from;
    }

    /** The downstream symbol's box, in plan units. */
    public Box to() {
        return to;
    }

    /** True while material moves (a static connection never does). */
    public boolean running() {
        return running;
    }

    @Override
    void recompute() {
        running = activeValue();
    }
}
