package io.lineside.layout;

import java.util.Map;
import java.util.Optional;

/**
 * A text in the UI languages: {@code en} and optionally {@code zh-CN}.
 *
 * @param texts by language tag; empty when the layout gives none
 */
public record Labels(Map<String, String> texts) {

    public static final Labels NONE = new Labels(Map.of());

    public Labels {
        texts = Map.copyOf(texts);
    }

    /** The text for {@code languageTag} ({@code zh-CN}), else English, else empty. */
    public Optional<String> in(String languageTag) {
        String text = texts.get(languageTag);
        return Optional.ofNullable(text != null ? text : texts.get("en"));
    }
}
