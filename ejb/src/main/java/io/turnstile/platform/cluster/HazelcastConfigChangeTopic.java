package io.turnstile.platform.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@link ConfigChangeTopic} on the Hazelcast instance Payara Micro runs for its cluster (JNDI {@code payara/Hazelcast}).
 * The only class that names Hazelcast types: {@link ClusterConfigBus} loads it only when they are present, so the same
 * EJB jar deploys on a runtime without them.
 */
final class HazelcastConfigChangeTopic implements ConfigChangeTopic {

    static final String TOPIC = "turnstile.config-changes";

    private final HazelcastInstance grid;
    private final ITopic<String> topic;
    private final UUID listenerId;

    /** @param listener receives the wire texts other members publish, on a grid thread (it must hand work off) */
    HazelcastConfigChangeTopic(Object grid, Consumer<String> listener) {
        this.grid = (HazelcastInstance) grid;
        this.topic = this.grid.getTopic(TOPIC);
        this.listenerId = topic.addMessageListener(m -> {
            // A member's own messages come back to it: it has already applied the change.
            if (m.getPublishingMember() == null || !m.getPublishingMember().localMember()) {
                listener.accept(m.getMessageObject());
            }
        });
    }

    static boolean isGrid(Object o) {
        return o instanceof HazelcastInstance h && h.getLifecycleService().isRunning();
    }

    @Override
    public void publish(String wire) {
        topic.publish(wire);
    }

    @Override
    public int members() {
        return grid.getCluster().getMembers().size();
    }

    @Override
    public void close() {
        try {
            topic.removeMessageListener(listenerId);
        } catch (RuntimeException e) {
            // the grid is shutting down with the node
        }
    }
}
