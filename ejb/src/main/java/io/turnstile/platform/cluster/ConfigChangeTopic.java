package io.turnstile.platform.cluster;

/** The cluster-wide channel for {@link ConfigChange}s: Payara Micro's Hazelcast data grid, or none on a lone node. */
public interface ConfigChangeTopic extends AutoCloseable {

    /** Sends to every other member (not back to this one). */
    void publish(String wire);

    /** Number of cluster members including this node (1 when alone). */
    int members();

    @Override
    void close();

    /** No grid: a single node, or a runtime without Hazelcast. */
    ConfigChangeTopic NONE = new ConfigChangeTopic() {
        @Override
        public void publish(String wire) {
        }

        @Override
        public int members() {
            return 1;
        }

        @Override
        public void close() {
        }
    };
}
