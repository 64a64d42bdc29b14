package io.lineside.sim;

import java.util.random.RandomGenerator;

/**
 * One simulated station: a state machine with a small input buffer. A fault stops it for a repair time;
 * an empty buffer starves it; a full downstream buffer blocks it; changeovers make it idle.
 * Not thread-safe: owned by the simulator's tick.
 */
final class SimStation {

    enum State { RUNNING, IDLE, BLOCKED, STARVED, FAULT }

    static final int BUFFER_CAPACITY = 4;
    /** Share of finished parts that are bad (counted on {@code scrap}; they still move on, the model is coarse). */
    static final double SCRAP_RATE = 0.01;
    /** Fault reasons with their weights, so a downtime Pareto has a clear leader. */
    private static final String[] FAULT_REASONS = {"jam", "jam", "jam", "jam", "tool", "tool", "material", "electrical"};

    final StationKind kind;
    State state = State.RUNNING;
    double temperature;
    double speed;
    long cycles;
    /** Of {@link #cycles}, how many parts were bad. */
    long scrap;
    /** Why the station is down (FAULT or IDLE), published with the state; empty while it runs. */
    String reason = "";
    /** Parts waiting in front of this station (the first station has an endless supply). */
    int buffer = BUFFER_CAPACITY / 2;
    /** Speed setpoint, % of nominal (an operator command); 100 until commanded. */
    double rate = 100;
    /** auto or manual (an operator command; the model runs the same either way). */
    String mode = "auto";
    /** Stopped by the operator: idle until started (or reset). */
    boolean stopped;
    private double progress;
    private double downSeconds;

    SimStation(StationKind kind) {
        this.kind = kind;
        this.temperature = kind.nominalTemp();
    }

    /**
     * Advances by {@code dt} seconds. {@code downstream} is the next station (null for the last).
     *
     * @param faultRatePerSecond chance per second of a fault while running
     * @param detail             draws for scrap and reasons, apart from {@code random} so adding them left the
     *                           states and cycles of a seed as they were
     */
    void advance(double dt, SimStation downstream, boolean firstStation, double faultRatePerSecond,
                 RandomGenerator random, RandomGenerator detail) {
        if (stopped) {
            state = State.IDLE;
            reason = "stopped";
            updatePhysics(dt, random);
            return;
        }
        if (state == State.FAULT || state == State.IDLE) {
            downSeconds -= dt;
            if (downSeconds > 0) {
                updatePhysics(dt, random);
                return;
            }
            state = State.RUNNING;
            reason = "";
        }
        if (random.nextDouble() < faultRatePerSecond * dt) {
            enter(State.FAULT, 20 + random.nextDouble() * 70);
            reason = FAULT_REASONS[detail.nextInt(FAULT_REASONS.length)];
        } else if (random.nextDouble() < faultRatePerSecond * 0.3 * dt) {
            enter(State.IDLE, 15 + random.nextDouble() * 30);
            reason = "changeover";
        } else if (!firstStation && buffer == 0) {
            state = State.STARVED;
        } else if (downstream != null && downstream.buffer >= BUFFER_CAPACITY) {
            state = State.BLOCKED;
        } else {
            state = State.RUNNING;
            progress += dt / kind.cycleSeconds() * rate / 100;
            while (progress >= 1 && (firstStation || buffer > 0)
                    && (downstream == null || downstream.buffer < BUFFER_CAPACITY)) {
                progress -= 1;
                cycles++;
                if (detail.nextDouble() < SCRAP_RATE) {
                    scrap++;
                }
                if (!firstStation) {
                    buffer--;
                }
                if (downstream != null) {
                    downstream.buffer++;
                }
            }
            progress = Math.min(progress, 1);
        }
        updatePhysics(dt, random);
    }

    private void enter(State next, double seconds) {
        state = next;
        downSeconds = seconds;
    }

    private void updatePhysics(double dt, RandomGenerator random) {
        double target = switch (state) {
            case RUNNING -> kind.nominalTemp();
            case FAULT -> kind.nominalTemp() * 1.25 + 5;
            default -> kind.nominalTemp() * 0.85;
        };
        temperature += (target - temperature) * Math.min(1, dt / 30) + random.nextGaussian() * 0.15 * Math.sqrt(dt);
        double nominalSpeed = 60 / kind.cycleSeconds();
        speed = state == State.RUNNING ? nominalSpeed * rate / 100 * (0.96 + random.nextDouble() * 0.06) : 0;
    }

    /**
     * An operator's action: stop holds the station idle, start lets it run (a fault still needs reset), reset
     * clears a fault or a stop and runs.
     */
    void act(String action) {
        switch (action) {
            case "stop" -> {
                stopped = true;
                state = State.IDLE;
                reason = "stopped";
            }
            case "start" -> {
                if (stopped || state == State.IDLE) {
                    stopped = false;
                    downSeconds = 0;
                    state = State.RUNNING;
                    reason = "";
                }
            }
            case "reset" -> {
                stopped = false;
                downSeconds = 0;
                state = State.RUNNING;
                reason = "";
            }
            default -> { }
        }
    }
}
