package io.turnstile.accounting;

/** Searches stored accounting sessions (Turnstile extension of the REST API). */
public interface AccountingSearchService {

    AcctSessionPage search(String orgId, SessionQuery query);
}
