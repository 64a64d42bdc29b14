/** The PDF shift report, drawn with PDFBox: tables, a downtime Pareto and an output trend as vector graphics. */
package io.lineside.shifts.pdf;
