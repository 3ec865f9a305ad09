package io.turnstile.api.pki;

/** Body of {@code POST /orgs/{org_id}/cert/issue_client} (Turnstile extension): a PKCS#10 request in PEM. */
public record IssueClientCertificateJson(String commonName, String csr) {
}
