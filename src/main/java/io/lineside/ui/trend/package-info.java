/** Trends: the multi-pen canvas chart, its view-model (pens, window, live/historical, queries), CSV export. */
package io.lineside.ui.trend;
