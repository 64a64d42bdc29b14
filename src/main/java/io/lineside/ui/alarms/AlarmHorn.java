package io.lineside.ui.alarms;

import io.lineside.alarms.Priority;
import java.lang.System.Logger.Level;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Audible annunciation: a generated tone pattern per priority, repeated until silenced, played on its own daemon
 * thread. Where no audio line exists (a headless PC, a locked-down image) it logs once and stays silent; the banner
 * then relies on its visual flash. Never blocks or throws into the caller.
 *
 * <p>Safe from any thread.
 */
public final class AlarmHorn implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AlarmHorn.class.getName());
    private static final float RATE = 16_000f;
    private static final AudioFormat FORMAT = new AudioFormat(RATE, 8, 1, true, false);

    private final Object lock = new Object();
    private final Thread player;
    private Priority sounding; // guarded by lock
    private boolean closed; // guarded by lock
    private volatile boolean audible = true;

    public AlarmHorn() {
        player = Thread.ofPlatform().name("lineside-alarm-horn").daemon().start(this::play);
    }

    /** Sounds {@code priority}'s pattern, unless a higher priority already sounds. Diagnostic alarms are quiet. */
    public void sound(Priority priority) {
        if (priority == Priority.DIAGNOSTIC) {
            return;
        }
        synchronized (lock) {
            if (sounding == null || priority.compareTo(sounding) < 0) {
                sounding = priority;
                lock.notifyAll();
            }
        }
    }

    /** Stops the tone until the next {@link #sound}. */
    public void silence() {
        synchronized (lock) {
            sounding = null;
        }
    }

    /** The priority whose pattern is requested now, or null when silent (whether or not a device plays it). */
    public Priority sounding() {
        synchronized (lock) {
            return sounding;
        }
    }

    /** False once no audio line could be opened: the horn is then visual only. */
    public boolean audible() {
        return audible;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            sounding = null;
            lock.notifyAll();
        }
        player.interrupt();
    }

    private void play() {
        SourceDataLine line = null;
        try {
            while (true) {
                Priority p;
                synchronized (lock) {
                    while (!closed && (sounding == null || !audible)) {
                        lock.wait();
                    }
                    if (closed) {
                        return;
                    }
                    p = sounding;
                }
                if (line == null) {
                    line = open();
                    if (line == null) {
                        continue; // audible is now false: wait for close
                    }
                }
                byte[] pattern = pattern(p);
                line.write(pattern, 0, pattern.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            audible = false;
            LOG.log(Level.WARNING, "alarm horn stopped; alarms are annunciated visually only", e);
        } finally {
            if (line != null) {
                line.close();
            }
        }
    }

    private SourceDataLine open() {
        try {
            SourceDataLine line = AudioSystem.getSourceDataLine(FORMAT);
            line.open(FORMAT);
            line.start();
            return line;
        } catch (Exception | LinkageError e) { // no mixer: IllegalArgumentException or LineUnavailableException
            audible = false;
            LOG.log(Level.WARNING, "no audio line for the alarm horn ({0}); alarms are annunciated visually only",
                    e.toString());
            return null;
        }
    }

    /** One second of the priority's pattern: higher priority, higher pitch and more beeps. */
    static byte[] pattern(Priority p) {
        int beeps = switch (p) {
            case CRITICAL -> 4;
            case HIGH -> 3;
            case MEDIUM -> 2;
            default -> 1;
        };
        double hz = switch (p) {
            case CRITICAL -> 1000;
            case HIGH -> 800;
            case MEDIUM -> 640;
            default -> 520;
        };
        byte[] out = new byte[(int) RATE];
        int slot = out.length / 4;
        int tone = slot * 3 / 5;
        for (int b = 0; b < beeps; b++) {
            for (int i = 0; i < tone; i++) {
                out[b * slot + i] = (byte) (Math.sin(2 * Math.PI * hz * i / RATE) * 90);
            }
        }
        return out;
    }
}
