package io.lineside.alarms;

import java.util.List;

/**
 * One alarm definitions file: its alarms and the shelve reasons operators may give ({@link ShelveReasons#DEFAULT}
 * when the file names none).
 */
public record AlarmConfig(List<AlarmDefinition> definitions, ShelveReasons shelveReasons) {

    public AlarmConfig {
        definitions = List.copyOf(definitions);
    }
}
