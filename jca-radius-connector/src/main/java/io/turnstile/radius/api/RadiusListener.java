package io.turnstile.radius.api;

/**
 * Message-listener interface of the RADIUS resource adapter (JCA 2.1 inbound contract). A message-driven bean
 * implementing it receives one request per call; the adapter writes the returned reply back on the same socket or
 * TLS connection. The activation spec's {@code service} property says which requests the bean wants
 * ("authentication" for Access-Request and Status-Server, "accounting" for Accounting-Request).
 */
public interface RadiusListener {

    RadiusReply onRequest(RadiusRequest request);
}
