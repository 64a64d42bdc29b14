package io.lineside.commands;

import io.lineside.tags.TagPath;
import java.util.Objects;

/**
 * What the operator asked for.
 *
 * @param value    as entered (a number) or chosen (a mode, an action)
 * @param password the operator's password again, for a critical signal; null otherwise
 */
public record CommandRequest(TagPath target, String value, char[] password) {

    public CommandRequest {
        Objects.requireNonNull(target, "target");
    }

    public CommandRequest(TagPath target, String value) {
        this(target, value, null);
    }
}
