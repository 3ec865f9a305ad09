package io.turnstile.sso;

import java.time.Instant;

/**
 * The replay check of accepted assertions (SAML profiles §4.1.4.5: the SP must ensure a bearer assertion is not used
 * twice within its validity). {@link SamlStateBean} keeps the ids in the database, so a replay to another cluster node
 * is caught too; {@link AssertionReplayCache} keeps them in memory (one process: tests, tools).
 */
public interface AssertionReplayCheck {

    /** Result of {@link #firstUse}. */
    enum Use { FIRST, REPLAYED, FULL }

    /** Records {@code assertionId} until {@code expires}; says whether it was new. */
    Use firstUse(String assertionId, Instant expires);
}
