package io.lineside.ui.alarms;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.ui.Texts;

/**
 * An alarm's guidance as one line for the operator (cause, consequence, corrective action, time to respond), the
 * same words in the summary's detail line and on the station faceplate.
 */
public final class AlarmGuidanceText {

    private AlarmGuidanceText() {
    }

    /** The guidance of {@code definition} in the UI language (English where not translated), or the "no guidance configured" text. */
    public static String of(AlarmDefinition definition, Texts texts) {
        return definition.guidance().map(g -> texts.get("summary.detailGuidance", g.cause(texts.language()),
                        g.consequence(texts.language()), g.action(texts.language()), g.timeToRespond() == null ? "\u2014" : String.valueOf(g.timeToRespond().toMinutes())))
                .orElseGet(() -> texts.get("summary.detailNoGuidance"));
    }
}
