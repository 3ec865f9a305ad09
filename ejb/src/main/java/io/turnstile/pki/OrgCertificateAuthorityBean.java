package io.turnstile.pki;

import io.turnstile.platform.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The organisation PKI as a service: {@link OrgPki} on the JPA {@link PkiStorage}, the application's
 * {@link SecretBox}, {@link Clock} and {@link SecureRandom}, and the server name of {@code turnstile.server.name}
 * (env {@code TURNSTILE_SERVER_NAME}; default {@code auth.<host name>}). Each write commits on its own (see
 * {@link PkiStoreBean}); changes are announced with {@link PkiChanged}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrgCertificateAuthorityBean implements OrgCertificateAuthority {

    @Inject
    PkiStorage storage;

    @Inject
    SecretBox secretBox;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    @Inject
    @ConfigProperty(name = "turnstile.server.name")
    Optional<String> configuredServerName;

    /** rsa-2048 (default) or ec-p256: see {@link ServerKeyType}. */
    @Inject
    @ConfigProperty(name = "turnstile.pki.server-key-type", defaultValue = "rsa-2048")
    String serverKeyType;

    @Inject
    Event<PkiChanged> changed;

    /** Resolved once per bean instance: the default asks the resolver for the local host name. */
    private String serverName;

    @Override
    public X509Certificate caCertificate(String orgId) {
        return pki().caCertificate(orgId);
    }

    @Override
    public List<OrgCa> organisationCas() {
        return pki().organisationCas();
    }

    @Override
    public CertifiedKey serverCredentials(String orgId) {
        return pki().serverCredentials(orgId);
    }

    @Override
    public int ensureAll() {
        return pki().ensureAll();
    }

    @Override
    public X509Certificate issueClientCertificate(String orgId, String commonName, PublicKey publicKey,
                                                  Duration validity) {
        return pki().issueClientCertificate(orgId, commonName, publicKey, validity);
    }

    @Override
    public IssuedCertificate issueClientCertificate(String orgId, String commonName, String csrPem) {
        return pki().issueClientCertificate(orgId, commonName, csrPem);
    }

    private OrgPki pki() {
        if (serverName == null) {
            serverName = ServerName.resolve(configuredServerName, ServerName::localHostName);
        }
        return new OrgPki(storage, secretBox, new CertificateIssuer(random), clock, serverName,
                ServerKeyType.parse(serverKeyType), changed::fire);
    }
}
