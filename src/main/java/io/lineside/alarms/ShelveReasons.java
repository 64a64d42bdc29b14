package io.lineside.alarms;

import java.util.List;
import java.util.Optional;

/**
 * The fixed list of reasons an operator may shelve an alarm for (ISA-18.2: shelving is recorded with a reason). A
 * shelve's reason is one of them, optionally followed by {@code ": "} and a note; the last one ("Other") needs the
 * note. The reasons are stored in the journal as written here (English), and translated only for display.
 */
public record ShelveReasons(List<String> reasons) {

    /** The list when the alarm config names none. */
    public static final ShelveReasons DEFAULT = new ShelveReasons(List.of("Maintenance", "Nuisance / chattering",
            "Instrument fault", "Other (note required)"));

    public ShelveReasons {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty() || reasons.stream().anyMatch(r -> r.isBlank() || r.contains(":"))) {
            throw new IllegalArgumentException("shelve reasons must be a non-empty list of texts without ':'");
        }
    }

    /** The reason that needs a note (the last one). */
    public String other() {
        return reasons.getLast();
    }

    /** {@code reason}, with {@code note} after it when there is one: the text the shelve journals. */
    public static String compose(String reason, String note) {
        String n = note == null ? "" : note.strip();
        return n.isEmpty() ? reason : reason + ": " + n;
    }

    /** Why {@code text} is not an allowed shelve reason, or empty if it is. */
    public Optional<String> problem(String text) {
        String t = text == null ? "" : text.strip();
        for (String r : reasons) {
            if (t.equals(r) || t.startsWith(r + ":")) {
                boolean noNote = t.length() <= r.length() + 1 || t.substring(r.length() + 1).isBlank();
                return r.equals(other()) && noNote ? Optional.of("the reason \"" + r + "\" needs a note")
                        : Optional.empty();
            }
        }
        return Optional.of("the reason must be one of " + String.join(", ", reasons) + ", was \"" + t + "\"");
    }
}
