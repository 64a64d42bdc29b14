/** Editing a workshop layout without a toolkit: edits with undo/redo, snapping, a writer the loader reads back. */
package io.lineside.layout.edit;
