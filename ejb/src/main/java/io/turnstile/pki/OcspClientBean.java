package io.turnstile.pki;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * {@link OcspClient} over HTTP POST (RFC 6960 Appendix A.1, {@code application/ocsp-request}) with the JDK's
 * HttpClient. The whole exchange is bounded by the timeout (the future is abandoned when it passes), so a slow
 * responder costs an EAP conversation at most that long. Verified good and revoked answers are kept until their
 * nextUpdate (RFC 5019 §6.1), so a busy site does not ask again for every login; answers without nextUpdate are not
 * kept (the responder promises nothing).
 */
@ApplicationScoped
public class OcspClientBean implements OcspClient {

    private static final Logger LOG = Logger.getLogger(OcspClientBean.class.getName());
    /** Responses are small (one SingleResp and maybe a responder certificate); more is not an OCSP response. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    static final int MAX_CACHED = 10_000;
    static final int NONCE_BYTES = 16;

    private record Cached(OcspVerdict verdict, Instant until) {
    }

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private HttpClient http;

    private synchronized HttpClient http() {
        if (http == null) {
            // HTTP/1.1: simple responders (openssl ocsp) speak 1.0/1.1 and need no h2c upgrade offer
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofMillis(OcspSettings.MAX_TIMEOUT_MS)).build();
        }
        return http;
    }

    @PreDestroy
    void close() {
        cache.clear();
    }

    @Override
    public OcspVerdict status(X509Certificate certificate, X509Certificate issuer, URI responder, Duration timeout) {
        Instant now = clock.instant();
        String key = responder + "|" + certificate.getIssuerX500Principal().getName() + "|"
                + certificate.getSerialNumber().toString(16);
        Cached hit = cache.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.verdict();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        OcspProtocol.Request request = OcspProtocol.request(certificate, issuer, nonce);
        byte[] body;
        try {
            body = post(responder, request.der(), timeout);
        } catch (IOException e) {
            return new OcspVerdict.NoStatus("OCSP responder " + responder + " unreachable: " + e.getMessage());
        }
        OcspVerdict verdict = OcspProtocol.verify(body, request, issuer, clock.instant());
        Instant until = verdict instanceof OcspVerdict.Good g ? g.nextUpdate()
                : verdict instanceof OcspVerdict.Revoked r ? r.nextUpdate() : null;
        if (until != null && until.isAfter(now)) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear(); // bounded memory; the next logins just ask again
            }
            cache.put(key, new Cached(verdict, until));
        }
        if (verdict instanceof OcspVerdict.NoStatus n) {
            LOG.fine(() -> "OCSP " + responder + ": " + n.reason());
        }
        return verdict;
    }

    private static byte[] body(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new java.io.UncheckedIOException(new IOException("HTTP status " + response.statusCode()));
            }
            byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (body.length > MAX_RESPONSE_BYTES) {
                throw new java.io.UncheckedIOException(new IOException("response longer than " + MAX_RESPONSE_BYTES
                        + " bytes"));
            }
            return body;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] post(URI responder, byte[] der, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(responder).timeout(timeout)
                .header("Content-Type", "application/ocsp-request").header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(der)).build();
        // The body is read inside the future, so the timeout bounds headers and body together.
        CompletableFuture<byte[]> future = http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(OcspClientBean::body);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof java.io.UncheckedIOException u) {
                cause = u.getCause();
            }
            throw new IOException(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
