/** The alarm banner, summary table, acknowledge/shelve panels and the audible annunciator. */
package io.lineside.ui.alarms;
