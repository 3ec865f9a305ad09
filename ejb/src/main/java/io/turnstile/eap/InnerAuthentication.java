package io.turnstile.eap;

import io.turnstile.pki.CertificateHolder;
import io.turnstile.pki.CertificateValidation;

/**
 * One inner authentication of a chained EAP method (TEAP, RFC 7170 §3.3.1 "EAP chaining": the machine, then the
 * user), as policy and the NAC events see it.
 *
 * @param holder      whose credentials the peer used (its Identity-Type TLV, RFC 7170 §4.2.3)
 * @param success     the inner method succeeded and its Crypto-Binding was verified
 * @param identity    the inner identity (certificate UPN/email/CN), or null
 * @param certificate the inner EAP-TLS certificate check, or null if no certificate was presented
 */
public record InnerAuthentication(CertificateHolder holder, boolean success, String identity,
                                  CertificateValidation certificate) {
}
