package io.lineside.tags;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of telemetry known to be missing: the publisher's sequence jumped (the broker dropped messages) or
 * the broker lost our session. Trends draw it as a break, never as a line across.
 *
 * @param path    the tag that lost data, or null when every tag may have (the broker lost our session)
 * @param from    source time of the last sample before the gap (or when the link went down)
 * @param to      source time of the first sample after the gap (or when the link came back)
 * @param missing messages known lost ({@code seq} jump minus one), or -1 when unknown
 * @param firstSeq the first missing seq when the gap is a seq jump (its seqs are {@code firstSeq} ..
 *                 {@code firstSeq + missing - 1}), or -1; a late message inside that range shrinks the gap
 */
public record TagGap(TagPath path, Instant from, Instant to, long missing, long firstSeq) {

    /** A gap whose missing seqs are not known (a lost broker session). */
    public TagGap(TagPath path, Instant from, Instant to, long missing) {
        this(path, from, to, missing, -1);
    }

    public TagGap {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("gap ends before it starts: " + from + " .. " + to);
        }
    }

    /** True when the gap covers every tag rather than one. */
    public boolean allTags() {
        return path == null;
    }
}
