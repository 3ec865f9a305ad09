package io.turnstile.pki;

import io.turnstile.persistence.pki.OrgCaEntity;
import io.turnstile.persistence.pki.OrgServerCertEntity;
import io.turnstile.platform.SecretBox;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.security.auth.x500.X500Principal;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test support: a settable clock, an in-memory {@link PkiStorage}, and certificates made outside the org PKI. */
final class TestPki {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final SecureRandom RANDOM = new SecureRandom();
    static final String SERVER_NAME = "auth.example.net";

    private TestPki() {
    }

    static SecretBox secretBox() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new SecretBox(key, RANDOM);
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits, RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve), RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A certificate for {@code subjectKeys} named {@code CN=cn}, signed by {@code issuerKey} under {@code issuer}
     * (self-signed when it is the subject's own), with the given extKeyUsage purposes (none: no extension).
     */
    static X509Certificate certificate(String cn, KeyPair subjectKeys, X500Principal issuer, PrivateKey issuerKey,
                                       Instant notBefore, Instant notAfter, boolean ca, KeyPurposeId... purposes) {
        return certificate(cn, subjectKeys, issuer, issuerKey, notBefore, notAfter,
                ca ? new BasicConstraints(0) : new BasicConstraints(false), null, purposes);
    }

    /**
     * As {@link #certificate(String, KeyPair, X500Principal, PrivateKey, Instant, Instant, boolean, KeyPurposeId...)}
     * with the given basic constraints (a CA that may sign CAs: {@code new BasicConstraints(true)}) and, unless null,
     * an Authority Information Access naming {@code ocspUrl} as the OCSP responder.
     */
    static X509Certificate certificate(String cn, KeyPair subjectKeys, X500Principal issuer, PrivateKey issuerKey,
                                       Instant notBefore, Instant notAfter, BasicConstraints constraints,
                                       String ocspUrl, KeyPurposeId... purposes) {
        try {
            var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(RANDOM.nextInt(1 << 30) + 1L),
                    Date.from(notBefore), Date.from(notAfter), new X500Principal("CN=" + cn), subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, constraints);
            if (purposes.length > 0) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            }
            if (ocspUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        new AccessDescription(AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
            }
            String alg = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(alg)
                    .build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate selfSigned(String cn, KeyPair keys, Instant notBefore, Instant notAfter,
                                      KeyPurposeId... purposes) {
        return certificate(cn, keys, new X500Principal("CN=" + cn), keys.getPrivate(), notBefore, notAfter, false,
                purposes);
    }

    /** PKIX validation of {@code chain} (leaf first, without the anchor) to {@code anchor} at {@code at}, no CRLs. */
    static void validate(List<X509Certificate> chain, X509Certificate anchor, Instant at) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
        var params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(path, params);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * {@link PkiStorage} in memory, with the database's rules: one CA and one server certificate per organisation
     * (unique org_id), and a versioned replace. {@code beforeInsertCa} runs just before an insert (to let "another
     * node" win a race).
     */
    static final class MemoryStorage implements PkiStorage {
        final Map<String, String> organisations = new LinkedHashMap<>();
        final Map<String, OrgCaEntity> cas = new LinkedHashMap<>();
        final Map<String, OrgServerCertEntity> serverCerts = new LinkedHashMap<>();
        final List<String> writes = new ArrayList<>();
        Runnable beforeInsertCa = () -> { };
        Runnable beforeReplace = () -> { };

        MemoryStorage org(String id, String name) {
            organisations.put(id, name);
            return this;
        }

        @Override
        public synchronized List<String> organisationIds() {
            return List.copyOf(organisations.keySet());
        }

        @Override
        public synchronized Optional<String> organisationName(String orgId) {
            return Optional.ofNullable(organisations.get(orgId));
        }

        @Override
        public synchronized Optional<OrgCaEntity> findCa(String orgId) {
            return Optional.ofNullable(cas.get(orgId));
        }

        @Override
        public boolean insertCa(OrgCaEntity ca) {
            Runnable hook = beforeInsertCa;
            beforeInsertCa = () -> { };
            hook.run();
            synchronized (this) {
                if (cas.containsKey(ca.getOrgId())) {
                    return false;
                }
                cas.put(ca.getOrgId(), ca);
                writes.add("ca " + ca.getOrgId());
                return true;
            }
        }

        @Override
        public synchronized Optional<OrgServerCertEntity> findServerCert(String orgId) {
            return Optional.ofNullable(serverCerts.get(orgId));
        }

        @Override
        public synchronized boolean insertServerCert(OrgServerCertEntity certificate) {
            if (serverCerts.containsKey(certificate.getOrgId())) {
                return false;
            }
            serverCerts.put(certificate.getOrgId(), certificate);
            writes.add("server " + certificate.getOrgId());
            return true;
        }

        @Override
        public boolean replaceServerCert(String id, long expectedVersion, OrgServerCertEntity r) {
            Runnable hook = beforeReplace;
            beforeReplace = () -> { };
            hook.run();
            synchronized (this) {
                OrgServerCertEntity current = serverCerts.values().stream().filter(c -> c.getId().equals(id))
                        .findFirst().orElse(null);
                if (current == null || current.getVersion() != expectedVersion) {
                    return false;
                }
                var replaced = new OrgServerCertEntity(current.getId(), current.getOrgId(), current.getCreated());
                replaced.install(r.getCaId(), r.getServerName(), r.getSerial(), r.getCertPem(), r.getChainPem(),
                        r.getKeySealed(), r.getNotBefore(), r.getNotAfter(), r.getModified());
                setVersion(replaced, expectedVersion + 1);
                serverCerts.put(current.getOrgId(), replaced);
                writes.add("renew " + current.getOrgId());
                return true;
            }
        }

        private static void setVersion(OrgServerCertEntity e, long version) {
            try {
                Field f = OrgServerCertEntity.class.getDeclaredField("version");
                f.setAccessible(true);
                f.setLong(e, version);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
