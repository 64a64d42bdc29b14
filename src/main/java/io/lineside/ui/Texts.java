package io.lineside.ui;

import io.lineside.tags.Quality;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/** The UI's words in one language: a resource bundle plus the formatting rules for ages and values. */
public final class Texts {

    private final ResourceBundle bundle;

    public Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** Loads the bundle for {@code locale} (English when there is none). */
    public static Texts forLocale(Locale locale) {
        return new Texts(ResourceBundle.getBundle("io.lineside.i18n.messages", locale));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The bundle's language as a tag ({@code zh-CN}; {@code und} for the English base bundle). */
    public String language() {
        return bundle.getLocale().toLanguageTag();
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    public String quality(Quality quality) {
        return get("quality." + quality.name());
    }

    /** "0.4 s", "12 s", "3 min": tenths while fresh, whole units after. */
    public String age(Duration age) {
        long millis = Math.max(0, age.toMillis());
        if (millis < 10_000) {
            return get("age.seconds", String.format(Locale.ROOT, "%.1f", millis / 1000.0));
        }
        if (millis < 120_000) {
            return get("age.seconds", millis / 1000);
        }
        return get("age.minutes", millis / 60_000);
    }

    /** A count (parts, cycles) without decimals, or an em dash when there is none. */
    public static String count(double value) {
        return Double.isNaN(value) ? "\u2014" : String.format(Locale.ROOT, "%d", Math.round(value));
    }

    /** A measured value with one decimal, or an em dash when there is none. */
    public static String number(double value) {
        return Double.isNaN(value) ? "\u2014" : String.format(Locale.ROOT, "%.1f", value);
    }
}
