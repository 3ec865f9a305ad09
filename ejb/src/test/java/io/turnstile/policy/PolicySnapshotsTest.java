package io.turnstile.policy;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.turnstile.policy.PolicyFixtures.ORG;
import static io.turnstile.policy.PolicyFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Loading once, recompiling only orgs whose stored version moved (changes made on other nodes). */
class PolicySnapshotsTest {

    /** A store whose version and rules the test moves, counting loads. */
    static final class FakeStore implements NacPolicyService {
        final Map<String, Long> versions = new HashMap<>();
        final AtomicInteger loads = new AtomicInteger();
        List<NacRule> rules = List.of();

        @Override
        public PolicySnapshot load(String orgId) {
            loads.incrementAndGet();
            long v = versions.getOrDefault(orgId, 0L);
            return PolicyCompiler.compile(orgId, v, List.of(), rules);
        }

        @Override
        public Map<String, Long> versions() {
            return Map.copyOf(versions);
        }

        // the CRUD side is not used here
        @Override public PolicyPage<NacTag> listTags(String o, String t, String n, String m, int l, int p) { throw new UnsupportedOperationException(); }
        @Override public NacTag getTag(String o, String id) { throw new UnsupportedOperationException(); }
        @Override public NacTag createTag(String o, Map<String, Object> b) { throw new UnsupportedOperationException(); }
        @Override public NacTag updateTag(String o, String id, Map<String, Object> b) { throw new UnsupportedOperationException(); }
        @Override public void deleteTag(String o, String id) { throw new UnsupportedOperationException(); }
        @Override public PolicyPage<NacRule> listRules(String o, int l, int p) { throw new UnsupportedOperationException(); }
        @Override public NacRule getRule(String o, String id) { throw new UnsupportedOperationException(); }
        @Override public NacRule createRule(String o, Map<String, Object> b) { throw new UnsupportedOperationException(); }
        @Override public NacRule updateRule(String o, String id, Map<String, Object> b) { throw new UnsupportedOperationException(); }
        @Override public void deleteRule(String o, String id) { throw new UnsupportedOperationException(); }
    }

    @Test
    void loadsOnceAndReloadsOnlyWhenTheStoredVersionMoves() {
        FakeStore store = new FakeStore();
        PolicySnapshots snapshots = new PolicySnapshots();
        snapshots.store = store;

        PolicySnapshot first = snapshots.get(ORG);
        assertSame(first, snapshots.get(ORG));
        snapshots.refreshChanged();
        assertEquals(1, store.loads.get(), "no version change, no reload");

        // another node adds a rule and bumps the version
        store.rules = List.of(rule("r", 1, "{\"name\": \"all\", \"action\": \"block\"}"));
        store.versions.put(ORG, 1L);
        assertSame(first, snapshots.get(ORG), "requests keep the old policy until the check runs");
        snapshots.refreshChanged();
        PolicySnapshot second = snapshots.get(ORG);
        assertEquals(1, second.version());
        assertEquals(1, second.rules().size());
        assertEquals(2, store.loads.get());

        // a change on this node reloads at once, after commit
        store.versions.put(ORG, 2L);
        snapshots.onChange(new PolicyChanged(ORG));
        assertEquals(2, snapshots.get(ORG).version());
        snapshots.refreshChanged();
        assertEquals(3, store.loads.get());
    }
}
