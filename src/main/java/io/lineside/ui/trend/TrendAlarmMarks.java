package io.lineside.ui.trend;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmJournal;
import io.lineside.alarms.JournalFilter;
import io.lineside.tags.TagPath;
import io.lineside.ui.Texts;
import io.lineside.ui.trend.TrendAlarmMark;
import io.lineside.ui.trend.TrendRange;
import io.lineside.ui.trend.TrendViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Feeds the trend its alarm marks from the alarm journal. One journal read covers the asked window plus a margin
 * either side and is kept while the journal has no new event: a live window moving by a second, or a pan within the
 * margin, reads nothing; a new event (the revision goes up) reads again. Messages are the definitions' in the UI
 * language (the journal keeps English). {@link #marks} runs on the trend's query thread; {@link #revision} anywhere.
 */
public final class TrendAlarmMarks implements TrendViewModel.AlarmMarks {

    private final AlarmJournal journal;
    private final LongSupplier revision;
    private final Map<String, AlarmDefinition> definitions;
    private final Texts texts;
    private Cached cached;
    private int reads;

    private record Cached(long revision, Instant from, Instant to, List<AlarmEvent> events) {
    }

    /** @param revision goes up with each journalled event ({@link AlarmService#journalRevision}) */
    public TrendAlarmMarks(AlarmJournal journal, LongSupplier revision, List<AlarmDefinition> definitions, Texts texts) {
        this.journal = journal;
        this.revision = revision;
        this.definitions = definitions.stream().collect(Collectors.toUnmodifiableMap(AlarmDefinition::id,
                Function.identity(), (a, b) -> a));
        this.texts = texts;
    }

    @Override
    public long revision() {
        return revision.getAsLong();
    }

    @Override
    public synchronized List<TrendAlarmMark> marks(List<TagPath> tags, TrendRange range) throws Exception {
        long now = revision.getAsLong();
        Cached c = cached;
        if (c == null || c.revision() != now || range.from().isBefore(c.from()) || range.to().isAfter(c.to())) {
            Duration margin = range.span().dividedBy(4);
            Instant from = range.from().minus(margin);
            Instant to = range.to().plus(margin);
            c = new Cached(now, from, to, journal.query(JournalFilter.between(from, to)));
            cached = c;
            reads++;
        }
        Set<TagPath> wanted = new HashSet<>(tags);
        // From the margin before the window: an occurrence begun there shows from the window's left edge.
        List<AlarmEvent> upToEnd = c.events().stream().filter(e -> e.time().isBefore(range.to())).toList();
        return TrendAlarmMark.of(upToEnd, wanted).stream()
                .filter(m -> m.ended() == null || !m.ended().isBefore(range.from()))
                .map(this::localized).toList();
    }

    /** How many times the journal was read (for tests: a moving live window must not read it each second). */
    synchronized int reads() {
        return reads;
    }

    private TrendAlarmMark localized(TrendAlarmMark m) {
        AlarmDefinition d = definitions.get(m.alarmId());
        return d == null ? m : new TrendAlarmMark(m.alarmId(), d.message(texts.language()), m.priority(), m.tag(),
                m.activated(), m.returned(), m.acked(), m.ackedBy(), m.ended());
    }
}
