package io.lineside.ui.review;

/** The alarm review window: a journal tab and a KPI tab, each with its own controller. */
public final class ReviewView {
}
