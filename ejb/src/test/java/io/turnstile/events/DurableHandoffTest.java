package io.turnstile.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurableHandoffTest {

    private static NacEvent event(String mac) {
        return NacEventBufferTest.event(mac, 1_700_000_000_000L);
    }

    @Test
    void aWaiterIsReleasedByTheBatchHoldingItsEvent() throws Exception {
        DurableHandoff handoff = new DurableHandoff();
        NacEvent mine = event("001122334455");
        CountDownLatch latch = handoff.expect(mine);
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> handoff.await(mine, latch, 60_000));
        handoff.handedOver(List.of(event("001122334466")));
        assertFalse(latch.await(0, TimeUnit.MILLISECONDS), "another event's batch must not release the waiter");
        handoff.handedOver(List.of(event("001122334477"), mine));
        assertTrue(waited.get(60, TimeUnit.SECONDS));
        assertEquals(0, handoff.waiting());
    }

    @Test
    void equalEventsAreTrackedApart() {
        DurableHandoff handoff = new DurableHandoff();
        NacEvent a = event("001122334455");
        NacEvent b = event("001122334455");
        CountDownLatch la = handoff.expect(a);
        CountDownLatch lb = handoff.expect(b);
        handoff.handedOver(List.of(b));
        assertEquals(1, la.getCount());
        assertEquals(0, lb.getCount());
    }

    @Test
    void aTimedOutWaitIsForgotten() {
        DurableHandoff handoff = new DurableHandoff();
        NacEvent e = event("001122334455");
        assertFalse(handoff.await(e, handoff.expect(e), 1));
        assertEquals(0, handoff.waiting());
    }
}
