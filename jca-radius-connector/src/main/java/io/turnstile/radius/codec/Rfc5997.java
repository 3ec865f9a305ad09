package io.turnstile.radius.codec;

/**
 * RFC 5997 (Status-Server): codes. §3: a Status-Server packet MUST carry a Message-Authenticator; it is answered with
 * Access-Accept (on the authentication port) or Accounting-Response (on the accounting port).
 */
public final class Rfc5997 {

    private Rfc5997() {
    }

    public static final int STATUS_SERVER = 12;
    public static final int STATUS_CLIENT = 13;
}
