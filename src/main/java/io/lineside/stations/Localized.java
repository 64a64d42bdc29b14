package io.lineside.stations;

import java.util.Locale;
import java.util.Map;

/**
 * A text in several languages, keyed by BCP 47 tag ({@code en}, {@code zh-CN}). Looked up by the exact tag, then
 * the language alone, then {@code en}, then any. Immutable.
 */
public record Localized(Map<String, String> byTag) {

    public static final Localized NONE = new Localized(Map.of());

    public Localized {
        byTag = Map.copyOf(byTag);
    }

    /** The same text in every language. */
    public static Localized of(String text) {
        return text == null || text.isEmpty() ? NONE : new Localized(Map.of("en", text));
    }

    public boolean isEmpty() {
        return byTag.isEmpty();
    }

    /** The text for {@code locale}, or {@code otherwise} when there is none at all. */
    public String in(Locale locale, String otherwise) {
        String exact = byTag.get(locale.toLanguageTag());
        if (exact != null) {
            return exact;
        }
        String language = byTag.get(locale.getLanguage());
        if (language != null) {
            return language;
        }
        for (var e : byTag.entrySet()) { // zh-CN asked as zh, or zh-Hans-CN
            if (Locale.forLanguageTag(e.getKey()).getLanguage().equals(locale.getLanguage())) {
                return e.getValue();
            }
        }
        String en = byTag.get("en");
        return en != null ? en : byTag.values().stream().sorted().findFirst().orElse(otherwise);
    }
}
