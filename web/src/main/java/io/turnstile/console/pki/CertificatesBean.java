package io.turnstile.console.pki;

import io.turnstile.api.security.RequiresRole;
import io.turnstile.console.ConsoleMessages;
import io.turnstile.console.access.ConsoleAction;
import io.turnstile.console.access.ConsoleSession;
import io.turnstile.org.ApiRole;
import io.turnstile.pki.EapServerTrust;
import io.turnstile.pki.EapTlsCredentials;
import io.turnstile.pki.NacCrl;
import io.turnstile.pki.NacCrlService;
import io.turnstile.pki.OrgCertificateAuthority;
import io.turnstile.pki.Pem;
import io.turnstile.platform.InvalidRequestException;
import io.turnstile.platform.ResourceNotFoundException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Certificates: the org CA (PEM download, {@code GET /orgs/{org_id}/cert}), the EAP server certificate in use and the
 * CAs client certificates may chain to ({@link EapServerTrust}: the org CA plus {@code mist_nac.cacerts}), and the
 * uploaded CRLs ({@link NacCrlService}, as {@code /setting/mist_nac_crls}; upload and delete declare {@code WRITE}).
 */
@Named("certificates")
@ViewScoped
@ConsoleAction
@RequiresRole(ApiRole.READ)
public class CertificatesBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** As {@code POST /setting/mist_nac_crls} accepts. */
    static final int MAX_CRL_BYTES = 10 * 1024 * 1024;

    @Inject
    OrgCertificateAuthority authority;

    @Inject
    EapServerTrust trust;

    @Inject
    NacCrlService crls;

    @Inject
    ConsoleSession session;

    /** What the page shows of a certificate. */
    public record CertificateView(String subject, String subjectAltNames, String issuer, Instant notBefore,
                                  Instant notAfter, String serial) implements Serializable {

        static CertificateView of(X509Certificate c) {
            return new CertificateView(c.getSubjectX500Principal().getName(), altNames(c),
                    c.getIssuerX500Principal().getName(), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                    c.getSerialNumber().toString(16));
        }

        /** RFC 5280 section 4.2.1.6 general names, as "DNS:x, IP:y" (types 2 and 7; others by number). */
        private static String altNames(X509Certificate c) {
            try {
                Collection<List<?>> names = c.getSubjectAlternativeNames();
                if (names == null) {
                    return "";
                }
                List<String> out = new ArrayList<>();
                for (List<?> n : names) {
                    int type = (Integer) n.get(0);
                    String prefix = switch (type) {
                        case 1 -> "email:";
                        case 2 -> "DNS:";
                        case 6 -> "URI:";
                        case 7 -> "IP:";
                        default -> type + ":";
                    };
                    out.add(prefix + n.get(1));
                }
                return String.join(", ", out);
            } catch (CertificateParsingException e) {
                return "(unreadable)";
            }
        }
    }

    private transient Optional<EapTlsCredentials> credentials;
    private List<NacCrl> crlList;
    private transient Part crlFile;
    private String crlName;

    private Optional<EapTlsCredentials> credentials() {
        if (credentials == null) {
            credentials = trust.credentials(session.getOrgId());
        }
        return credentials;
    }

    public CertificateView getOrgCa() {
        return CertificateView.of(authority.caCertificate(session.getOrgId()));
    }

    /** The org CA as a PEM file, what {@code GET /orgs/{org_id}/cert} answers in {@code cert}. */
    public StreamedContent getOrgCaPem() {
        byte[] pem = Pem.certificate(authority.caCertificate(session.getOrgId())).getBytes(StandardCharsets.US_ASCII);
        return DefaultStreamedContent.builder().name("turnstile-org-ca.pem").contentType("application/x-pem-file")
                .contentLength((long) pem.length).stream(() -> new ByteArrayInputStream(pem)).build();
    }

    /** The certificate EAP-TLS, TTLS and PEAP present now; null if the org's PKI cannot be loaded. */
    public CertificateView getServerCertificate() {
        return credentials().map(c -> CertificateView.of(c.server().certificate())).orElse(null);
    }

    public List<CertificateView> getTrustedCas() {
        return credentials().map(c -> c.trustedCas().stream().map(CertificateView::of).toList()).orElse(List.of());
    }

    public List<NacCrl> getCrls() {
        if (crlList == null) {
            crlList = crls.list(session.getOrgId());
        }
        return crlList;
    }

    @RequiresRole(ApiRole.WRITE)
    public void uploadCrl() {
        if (crlFile == null || crlFile.getSize() == 0) {
            ConsoleMessages.error("Choose a CRL file (PEM or DER).");
            return;
        }
        if (crlFile.getSize() > MAX_CRL_BYTES) {
            ConsoleMessages.error("The CRL is larger than " + MAX_CRL_BYTES / (1024 * 1024) + " MB.");
            return;
        }
        try (InputStream in = crlFile.getInputStream()) {
            NacCrl added = crls.importCrl(session.getOrgId(), in.readNBytes(MAX_CRL_BYTES),
                    crlName == null || crlName.isBlank() ? null : crlName.strip());
            ConsoleMessages.info("Added CRL " + added.name());
            crlList = null;
            credentials = null;
            crlName = null;
        } catch (InvalidRequestException e) {
            ConsoleMessages.error(e.getMessage());
        } catch (IOException e) {
            ConsoleMessages.error("The upload could not be read: " + e.getMessage());
        }
    }

    @RequiresRole(ApiRole.WRITE)
    public void deleteCrl(NacCrl crl) {
        try {
            crls.delete(session.getOrgId(), crl.id());
            ConsoleMessages.info("Deleted CRL " + crl.name());
            crlList = null;
            credentials = null;
        } catch (ResourceNotFoundException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    public Part getCrlFile() {
        return crlFile;
    }

    public void setCrlFile(Part crlFile) {
        this.crlFile = crlFile;
    }

    public String getCrlName() {
        return crlName;
    }

    public void setCrlName(String crlName) {
        this.crlName = crlName;
    }
}
