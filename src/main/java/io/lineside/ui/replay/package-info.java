/** Replay mode: the display hierarchy and alarm list fed from recorded history instead of live telemetry. */
package io.lineside.ui.replay;
