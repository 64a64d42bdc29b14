package io.lineside.alarms;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory journal for engine and view tests (the H2 one is tested in io.lineside.history). */
public class MemoryJournal implements AlarmJournal {
    public final List<AlarmEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void append(AlarmEvent event) {
        events.add(event);
    }

    @Override
    public List<AlarmEvent> query(JournalFilter filter) {
        return events.stream().filter(e -> !e.time().isBefore(filter.from()) && e.time().isBefore(filter.to())).toList();
    }

    @Override
    public long failures() {
        return 0;
    }

    @Override
    public int pending() {
        return 0;
    }

    @Override
    public long lost() {
        return 0;
    }

    public List<AlarmEvent> of(String id) {
        return events.stream().filter(e -> e.alarmId().equals(id)).toList();
    }
}
