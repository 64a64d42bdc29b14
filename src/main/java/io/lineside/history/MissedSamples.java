package io.lineside.history;

import io.lineside.tags.TagGap;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the history writer could not queue, per tag, until it has room to write it as a gap row (decision 0022):
 * the stretch of source time the refused samples covered, how many there were and, when their seqs ran on without
 * a hole, the first of them (so a redelivered copy shrinks the gap like any late sample). Gaps that could not be
 * queued merge into their tag's stretch too. Safe from any thread; {@link #any()} is one volatile read, so the
 * producers' fast path pays nothing while nothing is missed.
 */
final class MissedSamples {

    private static final class Stretch {
        Instant from;
        Instant to;
        long missing; // -1 once a merged gap did not know its count
        long firstSeq;
        long nextSeq; // the seq that would keep the run contiguous, or Long.MIN_VALUE once it is broken
        long samples; // refused samples only (not merged gaps' counts)

        Stretch(Instant from, Instant to, long missing, long firstSeq, long samples) {
            this.from = from;
            this.to = to;
            this.missing = missing;
            this.firstSeq = firstSeq;
            this.nextSeq = firstSeq >= 0 && missing > 0 ? firstSeq + missing : Long.MIN_VALUE;
            this.samples = samples;
        }

        void add(Instant f, Instant t, long m, long first, long s) {
            from = f.isBefore(from) ? f : from;
            to = t.isAfter(to) ? t : to;
            missing = missing < 0 || m < 0 ? -1 : missing + m;
            nextSeq = nextSeq != Long.MIN_VALUE && first == nextSeq && m > 0 ? first + m : Long.MIN_VALUE;
            samples += s;
        }

        TagGap gap(TagPath path) {
            return new TagGap(path, from, to, missing, nextSeq == Long.MIN_VALUE ? -1 : firstSeq);
        }
    }

    /** A stretch ready to be written, and how many refused samples it stands for. */
    record Taken(TagGap gap, long samples) {
    }

    private final Map<TagPath, Stretch> stretches = new HashMap<>(); // key null: every tag (a lost session)
    private volatile int size;

    /** True when something waits to be written as a gap. */
    boolean any() {
        return size > 0;
    }

    /** One sample that could not be queued. */
    synchronized void add(TagUpdate update) {
        Instant at = update.value().sourceTime();
        long seq = update.value().seq();
        merge(update.path(), at, at, 1, seq >= 0 ? seq : -1, 1);
    }

    /** A gap that could not be queued: it joins its tag's stretch. */
    synchronized void add(TagGap gap) {
        merge(gap.path(), gap.from(), gap.to(), gap.missing(), gap.firstSeq(), 0);
    }

    /** A taken stretch that could not be queued after all: it waits again, its samples still counted. */
    synchronized void putBack(Taken taken) {
        TagGap g = taken.gap();
        merge(g.path(), g.from(), g.to(), g.missing(), g.firstSeq(), taken.samples());
    }

    private void merge(TagPath path, Instant from, Instant to, long missing, long firstSeq, long samples) {
        Stretch s = stretches.get(path);
        if (s == null) {
            stretches.put(path, new Stretch(from, to, missing, firstSeq, samples));
            size = stretches.size();
        } else {
            s.add(from, to, missing, firstSeq, samples);
        }
    }

    /** Removes and returns {@code path}'s stretch, or null if it has none. */
    synchronized Taken take(TagPath path) {
        Stretch s = stretches.remove(path);
        size = stretches.size();
        return s == null ? null : new Taken(s.gap(path), s.samples);
    }

    /** Removes and returns every stretch. */
    synchronized List<Taken> takeAll() {
        List<Taken> all = new ArrayList<>(stretches.size());
        stretches.forEach((path, s) -> all.add(new Taken(s.gap(path), s.samples)));
        stretches.clear();
        size = 0;
        return all;
    }
}
