package io.lineside.ui.replay;

/**
 * One line of the replayed alarm list, formatted in the current language.
 *
 * @param id    the alarm id
 * @param since when it was last annunciated (plant time, hh:mm:ss)
 * @param state its state then, as words
 * @param who   "acknowledged by …" or "shelved by …: reason, until …" ("" when neither)
 */
public record ReplayAlarmRow(String id, String since, String state, String priority, String station, String message,
                             String who) {
}
