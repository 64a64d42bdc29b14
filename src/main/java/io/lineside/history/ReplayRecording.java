package io.lineside.history;

import io.lineside.alarms.AlarmEvent;
import io.lineside.tags.TagPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A replay window loaded into memory once ({@link ReplayHistory#load}): every tag's samples as a {@link TagTrack},
 * and the alarm journal rows needed to rebuild each alarm's state at any instant of the window. Immutable; safe from
 * any thread.
 *
 * @param from         window start (inclusive)
 * @param to           window end (inclusive: the cursor may sit on it)
 * @param tracks       per tag, including the sample each tag's window starts in
 * @param alarmsBefore per alarm id and trigger, its newest journal row before {@code from}: the states the window
 *                     starts in (what a start-up restore would read)
 * @param alarmEvents  the journal rows with time in {@code [from, to]}, oldest first
 * @param lostLinks    every-tag gaps (the broker lost the session) as {@code [from, to]} pairs, for the timeline
 */
public record ReplayRecording(Instant from, Instant to, Map<TagPath, TagTrack> tracks, List<AlarmEvent> alarmsBefore,
                              List<AlarmEvent> alarmEvents, List<long[]> lostLinks) {

    public ReplayRecording {
        tracks = Map.copyOf(tracks);
        alarmsBefore = List.copyOf(alarmsBefore);
        alarmEvents = List.copyOf(alarmEvents);
        lostLinks = List.copyOf(lostLinks);
    }

    /** Samples held over all tags. */
    public long sampleCount() {
        return tracks.values().stream().mapToLong(TagTrack::size).sum();
    }
}
