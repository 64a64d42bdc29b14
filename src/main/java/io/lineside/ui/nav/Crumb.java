package io.lineside.ui.nav;

/**
 * One step of the breadcrumb trail, already in the operator's words.
 *
 * @param current true for the last crumb (the place shown), which is not a link
 */
public record Crumb(String text, Place place, boolean current) {
}
