package io.turnstile.accounting;

import io.turnstile.persistence.accounting.AcctSessionRow;
import io.turnstile.platform.TimeWindow;

import java.util.List;

/** One page of a session search. */
public record AcctSessionPage(List<AcctSessionRow> sessions, long total, int limit, int page, TimeWindow window) {

    public AcctSessionPage {
        sessions = List.copyOf(sessions);
    }
}
