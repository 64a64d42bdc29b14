/** Alarm review for supervisors: the alarm journal with filters and CSV export, and the EEMUA 191 KPIs. */
package io.lineside.ui.review;
