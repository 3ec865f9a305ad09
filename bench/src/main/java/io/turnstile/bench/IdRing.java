package io.turnstile.bench;

/**
 * The free RADIUS identifiers of one socket, FIFO so that an identifier is reused as late as possible (servers keep
 * answered requests for duplicate detection, keyed by source port and identifier). Single producer (the receive
 * thread frees identifiers) and single consumer (the thread that sends); at most 256 entries ever exist.
 */
final class IdRing {

    private final int[] buf = new int[256];
    private volatile long head;   // next to poll; written by the consumer
    private volatile long tail;   // next free position; written by the producer

    IdRing() {
        for (int i = 0; i < 256; i++) {
            buf[i] = i;
        }
        tail = 256;
    }

    /** An identifier, or -1 when all 256 are in flight. */
    int poll() {
        long h = head;
        if (h == tail) {
            return -1;
        }
        int v = buf[(int) h & 255];
        head = h + 1;
        return v;
    }

    void offer(int id) {
        long t = tail;
        buf[(int) t & 255] = id;
        tail = t + 1;
    }
}
