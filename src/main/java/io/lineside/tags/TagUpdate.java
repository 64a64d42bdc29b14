package io.lineside.tags;

import java.util.Objects;

/** A decoded observation of one tag, on its way from ingest to the store, alarms and history. */
public record TagUpdate(TagPath path, TagValue value) {
    public TagUpdate {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }
}
