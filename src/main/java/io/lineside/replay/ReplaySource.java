package io.lineside.replay;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmReplay;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.ReplayedAlarm;
import io.lineside.history.ReplayRecording;
import io.lineside.history.TagTrack;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers "what did the displays show at T" for any T of a loaded {@link ReplayRecording}, from memory: one binary
 * search per tag and one pass over the window's journal rows per frame. Immutable after construction; safe from
 * any thread.
 */
public final class ReplaySource {

    private final ReplayRecording recording;
    private final AlarmReplay alarms;
    private final List<ReplayMark> marks;
    private final Instant from;

    public ReplaySource(ReplayRecording recording, AlarmReplay alarms) {
        this.recording = Objects.requireNonNull(recording, "recording");
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.marks = ReplayMarks.of(recording, alarms.events());
        this.from = recordedFrom(recording, alarms);
    }

    /**
     * Where the window starts: its asked start, or later where nothing was recorded before (a workstation that began
     * recording mid-shift), so the timeline spends its width on what is there.
     */
    private static Instant recordedFrom(ReplayRecording recording, AlarmReplay alarms) {
        long first = Long.MAX_VALUE;
        for (TagTrack track : recording.tracks().values()) {
            first = Math.min(first, track.firstTime());
        }
        if (!alarms.events().isEmpty()) {
            first = Math.min(first, alarms.events().getFirst().time().toEpochMilli());
        }
        if (!recording.alarmsBefore().isEmpty()) {
            first = Long.MIN_VALUE; // alarm states carried into the window: it starts where asked
        }
        if (first == Long.MAX_VALUE || first <= recording.from().toEpochMilli()) {
            return recording.from();
        }
        return Instant.ofEpochMilli(Math.min(first, recording.to().toEpochMilli()));
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return recording.to();
    }

    /** The tags held. */
    public java.util.Set<TagPath> tags() {
        return recording.tracks().keySet();
    }

    /** {@code at} clamped into the window. */
    public Instant clamp(Instant at) {
        return at.isBefore(from()) ? from() : at.isAfter(to()) ? to() : at;
    }

    /** What the displays showed at {@code at} (clamped into the window). */
    public ReplayFrame frame(Instant at) {
        Instant t = clamp(at);
        long ms = t.toEpochMilli();
        Map<TagPath, TagValue> values = new HashMap<>(recording.tracks().size() * 2);
        for (Map.Entry<TagPath, TagTrack> e : recording.tracks().entrySet()) {
            TagValue v = e.getValue().at(ms);
            if (v != null) {
                values.put(e.getKey(), v);
            }
        }
        List<ReplayedAlarm> list = alarms.at(t);
        return new ReplayFrame(t, values, list, AlarmReplay.snapshot(t, list));
    }

    /** The alarms, state changes and lost links of the window, oldest first. */
    public List<ReplayMark> marks() {
        return marks;
    }

    /** The first mark strictly after {@code at}, or null. */
    public ReplayMark next(Instant at) {
        for (ReplayMark m : marks) {
            if (m.time().isAfter(at)) {
                return m;
            }
        }
        return null;
    }

    /** The last mark strictly before {@code at}, or null. */
    public ReplayMark previous(Instant at) {
        ReplayMark found = null;
        for (ReplayMark m : marks) {
            if (!m.time().isBefore(at)) {
                break;
            }
            found = m;
        }
        return found;
    }

    /** Builds the timeline's marks. */
    static final class ReplayMarks {
        private ReplayMarks() {
        }

        static List<ReplayMark> of(ReplayRecording recording, List<AlarmEvent> events) {
            List<ReplayMark> out = new ArrayList<>();
            for (AlarmEvent e : events) {
                out.add(new ReplayMark(e.time(), kind(e), e.alarmId(), e.trigger() == AlarmTrigger.ACK
                        || e.trigger() == AlarmTrigger.SHELVE ? e.user() : e.to().name()));
            }
            recording.tracks().forEach((path, track) -> {
                for (long t : track.textChanges()) {
                    out.add(new ReplayMark(Instant.ofEpochMilli(t), ReplayMark.Kind.STATE, path.toString(),
                            String.valueOf(track.at(t).value())));
                }
                for (long t : track.qualityChanges()) {
                    out.add(new ReplayMark(Instant.ofEpochMilli(t), ReplayMark.Kind.QUALITY, path.toString(),
                            track.at(t).quality().name()));
                }
            });
            for (long[] gap : recording.lostLinks()) {
                out.add(new ReplayMark(Instant.ofEpochMilli(gap[0]), ReplayMark.Kind.LINK_LOST, "", ""));
            }
            out.removeIf(m -> m.time().isBefore(recording.from()) || m.time().isAfter(recording.to()));
            out.sort(Comparator.comparing(ReplayMark::time).thenComparing(ReplayMark::kind));
            return List.copyOf(out);
        }

        private static ReplayMark.Kind kind(AlarmEvent e) {
            if (e.annunciation()) {
                return ReplayMark.Kind.ALARM;
            }
            if (e.to() == AlarmState.NORMAL || e.trigger() == AlarmTrigger.CLEAR) {
                return ReplayMark.Kind.RETURN;
            }
            return ReplayMark.Kind.OPERATOR;
        }
    }
}
