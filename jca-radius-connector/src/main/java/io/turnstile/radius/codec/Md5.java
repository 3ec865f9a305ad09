package io.turnstile.radius.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** MD5 and HMAC-MD5 factories; MD5 is mandatory on every Java platform, so absence is an error, not a case. */
final class Md5 {

    static final int LENGTH = 16;

    private Md5() {
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 not available", e);
        }
    }

    static Mac hmacMd5(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            // An empty key is legal for HMAC (RFC 2104) but SecretKeySpec refuses it; a single zero octet is the same key.
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacMD5"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 not available", e);
        }
    }
}
