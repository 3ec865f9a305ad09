package io.turnstile.eap;

/** What a method answers to a Response: another Request, or the end of the method with its result. */
public sealed interface MethodStep {

    /** Send an EAP-Request of the method's type with this Type-Data. */
    record Request(byte[] typeData) implements MethodStep {
        public Request {
            typeData = typeData.clone();
        }

        @Override
        public byte[] typeData() {
            return typeData.clone();
        }
    }

    /** The peer authenticated; the engine sends EAP-Success if policy allows. */
    record Succeeded(MethodResult result) implements MethodStep {
    }

    /** The peer did not authenticate; the engine sends EAP-Failure. {@code result} says what was learnt (may be empty). */
    record Failed(String reason, MethodResult result) implements MethodStep {
    }
}
