package io.lineside.telemetry.sparkplug;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one edge node sent that the host could not store (no birth seen, a dead node or device, an alias no birth
 * declared) or could not see (our broker link was down), kept until it can be written as {@link TagGap}s: for
 * the tags it is known to concern at once when the span closes (a birth, or periodically while none comes), and for
 * a metric a later birth declares, when the span concerned the whole node or that metric's alias. Not thread-safe:
 * owned by the decoder thread.
 */
final class DiscardedData {

    /** Tags or aliases remembered per span at most; beyond that the span concerns the whole node. */
    static final int MAX_REMEMBERED = 10_000;

    /** How long after a span closed the births that follow may still claim it for the metrics they declare. */
    static final long BIRTH_CLAIM_MILLIS = 10_000;

    private Instant from;
    private Instant last;
    private long messages;
    private boolean countUnknown;
    private boolean wholeNode;
    private final Set<TagPath> paths = new LinkedHashSet<>();
    private final Set<Long> aliases = new HashSet<>();

    // The span a birth closed, for the metrics the births right after it declare.
    private TagGap closed;
    private boolean closedWholeNode;
    private final Set<Long> closedAliases = new HashSet<>();
    private final Set<TagPath> gapped = new HashSet<>();
    private long closedAtMillis;

    /** Our broker link went down at {@code at}: the node's data from then on is unseen, and uncounted. */
    void linkLost(Instant at) {
        open(at);
        countUnknown = true;
        wholeNode = true;
    }

    /** One message not stored, sent at {@code at}; what it is known to concern is added with {@link #concerns}. */
    void message(Instant at) {
        open(at);
        messages++;
        if (at.isAfter(last)) {
            last = at;
        }
    }

    /** The discarded message carried a value of this tag (a definition kept from an earlier birth, or its name). */
    void concerns(TagPath path) {
        if (paths.size() < MAX_REMEMBERED) {
            paths.add(path);
        } else {
            wholeNode = true;
        }
    }

    /** The discarded message carried a value by an alias no birth declared. */
    void concernsAlias(long alias) {
        if (aliases.size() < MAX_REMEMBERED) {
            aliases.add(alias);
        } else {
            wholeNode = true;
        }
    }

    /** The discarded message concerned every metric of the node (e.g. one that could not be read). */
    void concernsWholeNode() {
        wholeNode = true;
    }

    boolean isOpen() {
        return from != null;
    }

    /**
     * Closes the span at {@code to}: a gap for each tag it is known to concern (with {@code known}, the node's tags,
     * when it concerned the whole node). Births in the next {@link #BIRTH_CLAIM_MILLIS} may claim it for the rest.
     */
    List<TagGap> close(Instant to, Collection<TagPath> known, long nowMillis) {
        return close(to, to, known, nowMillis);
    }

    /**
     * As {@link #close(Instant, Collection, long)}, for a birth {@code sent} by the edge node and {@code received} by
     * us: a span that began when our link dropped (our clock) ends when the birth was received (our clock too).
     */
    List<TagGap> close(Instant sent, Instant received, Collection<TagPath> known, long nowMillis) {
        List<TagGap> gaps = new ArrayList<>();
        if (from == null) {
            return gaps;
        }
        Instant to = countUnknown ? received : sent;
        Instant end = to.isBefore(from) ? from : to;
        long missing = countUnknown ? -1 : messages;
        closed = new TagGap(null, from, end, missing);
        closedWholeNode = wholeNode;
        closedAliases.clear();
        closedAliases.addAll(aliases);
        gapped.clear();
        closedAtMillis = nowMillis;
        Set<TagPath> targets = new LinkedHashSet<>(paths);
        if (wholeNode) {
            targets.addAll(known);
        }
        for (TagPath path : targets) {
            gaps.add(new TagGap(path, from, end, missing));
            gapped.add(path);
        }
        from = null;
        last = null;
        messages = 0;
        countUnknown = false;
        wholeNode = false;
        paths.clear();
        aliases.clear();
        return gaps;
    }

    /**
     * For a span open {@code everyMillis} or more that no birth closed: its gaps up to the last discarded message,
     * and a fresh span from there (of the same kind), so a node that never answers still shows its loss; else an empty
     * list. A span with aliases no birth declared stays open: only a birth can say which tags they are.
     */
    List<TagGap> closeIfOlder(long everyMillis, Collection<TagPath> known, long nowMillis) {
        if (from == null || messages == 0 || !aliases.isEmpty() || (paths.isEmpty() && (!wholeNode || known.isEmpty()))
                || last.toEpochMilli() - from.toEpochMilli() < everyMillis) {
            return List.of();
        }
        boolean whole = wholeNode;
        Instant end = last;
        List<TagGap> gaps = close(end, known, nowMillis);
        open(end);
        wholeNode = whole;
        return gaps;
    }

    /** The gap a just-born metric inherits from the span its birth closed, or null. */
    TagGap claim(TagPath path, Long alias, long nowMillis) {
        if (closed == null || nowMillis - closedAtMillis > BIRTH_CLAIM_MILLIS || gapped.contains(path)) {
            return null;
        }
        if (!closedWholeNode && (alias == null || !closedAliases.contains(alias))) {
            return null;
        }
        gapped.add(path);
        return new TagGap(path, closed.from(), closed.to(), closed.missing());
    }

    private void open(Instant at) {
        if (from == null) {
            from = at;
            last = at;
            closed = null;
        }
    }
}
