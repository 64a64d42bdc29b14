package io.lineside.app;

/** Entry point (wired up in the composition root). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("Lineside HMI");
    }
}
