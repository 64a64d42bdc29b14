package io.lineside.ui;

import io.lineside.tags.Quality;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UI's words in the current language: a resource bundle plus the formatting rules for ages and values.
 * The language can be {@link #switchTo switched} at run time; what is formatted after that is in the new language.
 * Safe from any thread.
 */
public final class Texts {

    /**
     * One language's bundle and its parsed patterns by key (parsing one costs more than formatting it, and ages are
     * formatted many times a second). Swapped as one, so a pattern of the old language never serves the new one.
     */
    private record Words(ResourceBundle bundle, Map<String, MessageFormat> formats) {
        Words(ResourceBundle bundle) {
            this(bundle, new ConcurrentHashMap<>());
        }
    }

    private volatile Words words;

    public Texts(ResourceBundle bundle) {
        this.words = new Words(bundle);
    }

    /** Loads the bundle for {@code locale} and uses it from now on (English when there is none). */
    public void switchTo(Locale locale) {
        words = new Words(ResourceBundle.getBundle("io.lineside.i18n.messages", locale));
    }

    /** Loads the bundle for {@code locale} (English when there is none). */
    public static Texts forLocale(Locale locale) {
        return new Texts(ResourceBundle.getBundle("io.lineside.i18n.messages", locale));
    }

    /** The current language's bundle (FXML {@code %key} texts are resolved from it when a view is loaded). */
    public ResourceBundle bundle() {
        return words.bundle();
    }

    /** The bundle's language as a tag ({@code zh-CN}; {@code und} for the English base bundle). */
    public String language() {
        return words.bundle().getLocale().toLanguageTag();
    }

    public String get(String key, Object... args) {
        Words w = words;
        if (args.length == 0) {
            return w.bundle().getString(key);
        }
        MessageFormat format = w.formats().computeIfAbsent(key,
                k -> new MessageFormat(w.bundle().getString(k), w.bundle().getLocale()));
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
