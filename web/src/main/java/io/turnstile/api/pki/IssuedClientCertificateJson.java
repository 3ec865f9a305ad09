package io.turnstile.api.pki;

/** Answer of {@code POST /orgs/{org_id}/cert/issue_client} (Turnstile extension): the certificate and its CA, PEM. */
public record IssuedClientCertificateJson(String cert, String ca) {
}
