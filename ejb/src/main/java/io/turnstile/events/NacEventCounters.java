package io.turnstile.events;

/** What the event pipeline counts (exported as metrics by the publisher). */
public interface NacEventCounters {

    void queued();

    void dropped();

    void written(int n);

    /** Events given up on after their batch and their own retry failed. */
    void failed(int n);

    NacEventCounters NONE = new NacEventCounters() {
        @Override
        public void queued() {
        }

        @Override
        public void dropped() {
        }

        @Override
        public void written(int n) {
        }

        @Override
        public void failed(int n) {
        }
    };
}
