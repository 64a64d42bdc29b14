package io.lineside.ui.diagnostics;

import io.lineside.telemetry.inspect.InspectedMessage;

/** One line of the inspector table, formatted for display; {@code message} is what the detail pane shows. */
public record InspectorRow(String number, String time, String topic, String qos, String size, String decoded,
                           boolean error, InspectedMessage message) {
}
