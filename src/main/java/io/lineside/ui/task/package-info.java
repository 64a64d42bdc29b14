/** Background work of view-models that always ends in a result or an error on the FX executor (issue 18). */
package io.lineside.ui.task;
