/**
 * The RADIUS codec: packets and attributes as immutable values, the wire format with its authenticators
 * (RFC 2865, 2866, 3579, 5176, 5997), attribute hiding (RFC 2865 §5.2, RFC 2868 §3.5, RFC 2548 §2.4), constants grouped
 * by RFC ({@link io.turnstile.radius.codec.Rfc2865} ...), and a FreeRADIUS-format
 * {@link io.turnstile.radius.codec.RadiusDictionary} for names, types and text forms.
 *
 * <p>Everything here is stateless or immutable and safe to share between threads. Byte arrays held by records
 * ({@link io.turnstile.radius.codec.RadiusAttribute#value()}, {@link io.turnstile.radius.codec.RadiusPacket#authenticator()})
 * are not copied on the hot path: treat them as immutable.
 */
package io.turnstile.radius.codec;
