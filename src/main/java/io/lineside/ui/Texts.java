package io.lineside.ui;

import io.lineside.tags.Quality;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The UI's words in one language: a resource bundle plus the formatting rules for ages and values. Safe from any thread. */
public final class Texts {

    private final ResourceBundle bundle;
    /** Parsed patterns by key: parsing one costs more than formatting it, and ages are formatted many times a second. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

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
        if (args.length == 0) {
            return bundle.getString(key);
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), bundle.getLocale()));
        synchronized (format) { // a MessageFormat is not thread-safe; Texts may be shared
            return format.format(args);
        }
    }

    public String quality(Quality quality) {
        return get("quality." + quality.name());
    }

    /** "0.4 s", "12 s", "3 min": tenths while fresh, whole units after. */
    public String age(Duration age) {
        long millis = Math.max(0, age.toMillis());
        if (millis < 10_000) {
            long tenths = (millis + 50) / 100; // half up, as "%.1f" rounds
            return get("age.seconds", tenths / 10 + "." + tenths % 10);
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
