package io.turnstile.eap;

/** What the EAP engine answers to one Access-Request carrying EAP-Message. */
public sealed interface EapOutcome {

    /** Continue the conversation: Access-Challenge with this EAP-Request and State (RFC 3579 §2.6.1). */
    record Challenge(byte[] eapRequest, byte[] state) implements EapOutcome {
        public Challenge {
            eapRequest = eapRequest.clone();
            state = state.clone();
        }

        @Override
        public byte[] eapRequest() {
            return eapRequest.clone();
        }

        @Override
        public byte[] state() {
            return state.clone();
        }
    }

    /**
     * The conversation ended. On success the EAP-Success still waits for policy; on failure the answer is
     * Access-Reject with EAP-Failure.
     *
     * @param identifier the identifier of the EAP-Response answered (Success/Failure carry it, RFC 3748 §4.2)
     * @param identity   the EAP-Response/Identity (outer identity, possibly anonymous), or null
     */
    record Finished(boolean success, int identifier, String reason, MethodResult result, String identity)
            implements EapOutcome {

        public byte[] eapSuccess() {
            return EapPacket.success(identifier).encode();
        }

        public byte[] eapFailure() {
            return EapPacket.failure(identifier).encode();
        }
    }

    /** Silently discard (RFC 3748 §4.1, RFC 3579 §2.2: invalid or unexpected EAP packets are dropped). */
    record Discard(String reason) implements EapOutcome {
    }
}
