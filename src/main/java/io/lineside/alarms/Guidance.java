package io.lineside.alarms;

import java.time.Duration;
import java.util.Map;

/**
 * What the operator is told with an alarm (ISA-18.2 alarm response procedure): in English, and in other languages
 * where the config gives them, as an alarm's message is.
 *
 * @param cause         the likely cause, in English
 * @param consequence   the consequence of no action, in English
 * @param action        the operator's action, in English
 * @param timeToRespond how long the operator has before the consequence happens
 * @param translations  by language tag ({@code zh-CN}), the texts configured in that language; a text a
 *                      translation lacks falls back to English
 */
public record Guidance(String cause, String consequence, String action, Duration timeToRespond,
                       Map<String, Text> translations) {

    /** The three texts in one language; a null one is not translated. */
    public record Text(String cause, String consequence, String action) {
    }

    public Guidance {
        translations = Map.copyOf(translations);
    }

    /** English only. */
    public Guidance(String cause, String consequence, String action, Duration timeToRespond) {
        this(cause, consequence, action, timeToRespond, Map.of());
    }

    /** The cause in {@code language}, falling back to English. */
    public String cause(String language) {
        Text t = translations.get(language);
        return t == null || t.cause() == null ? cause : t.cause();
    }

    /** The consequence in {@code language}, falling back to English. */
    public String consequence(String language) {
        Text t = translations.get(language);
        return t == null || t.consequence() == null ? consequence : t.consequence();
    }

    /** The corrective action in {@code language}, falling back to English. */
    public String action(String language) {
        Text t = translations.get(language);
        return t == null || t.action() == null ? action : t.action();
    }
}
