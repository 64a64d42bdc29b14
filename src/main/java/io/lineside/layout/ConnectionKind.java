package io.lineside.layout;

import java.util.Optional;

/** How material moves between two symbols: parts on a conveyor, or a fluid flow (pipe). */
public enum ConnectionKind {
    CONVEYOR("conveyor"), FLOW("flow");

    private final String id;

    ConnectionKind(String id) {
        this.id = id;
    }

    /** The name a layout file uses. */
    public String id() {
        return id;
    }

    public static Optional<ConnectionKind> fromId(String id) {
        for (ConnectionKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
