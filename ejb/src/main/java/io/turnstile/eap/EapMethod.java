package io.turnstile.eap;

import io.turnstile.policy.AuthType;

/**
 * An EAP authentication method (EAP-TLS now; TTLS, PEAP and TEAP later) behind one shape: the engine handles
 * Identity, Nak, identifiers and Success/Failure (RFC 3748), the method only its own Type-Data.
 */
public interface EapMethod {

    /** The EAP method type (RFC 3748 §5, IANA registry). */
    int type();

    /** The contract's {@code nac_auth_type} a success with this method reports. */
    AuthType authType();

    /** A new exchange for one conversation. Sessions hold per-conversation state and are used by one thread at a time. */
    EapMethodSession start(EapPeer peer);
}
