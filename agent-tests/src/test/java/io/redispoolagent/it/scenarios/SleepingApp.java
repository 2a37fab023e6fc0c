package io.redispoolagent.it.scenarios;

/** Never finishes on its own: shows that a child JVM outliving its timeout is killed and reported. */
public final class SleepingApp {

    private SleepingApp() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping");
        Thread.sleep(Long.MAX_VALUE);
    }
}
