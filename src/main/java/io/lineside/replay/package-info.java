/** Replay: the live displays as they were at any instant of the recorded history, answered from memory. */
package io.lineside.replay;
