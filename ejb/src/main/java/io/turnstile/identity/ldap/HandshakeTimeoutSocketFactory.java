package io.turnstile.identity.ldap;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Sets a read timeout on every socket before its TLS handshake. The LDAP SDK bounds the TCP connect and each LDAP
 * response, but the handshake in between would wait forever on a server that accepts connections and then hangs (a
 * stopped slapd: the kernel completes the TCP handshake for it). With this bound a hung server fails like a dead one
 * and the failover server set moves on; the SDK sets its own per-operation timeout afterwards.
 */
final class HandshakeTimeoutSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final int timeoutMillis;

    HandshakeTimeoutSocketFactory(SSLSocketFactory delegate, int timeoutMillis) {
        this.delegate = delegate;
        this.timeoutMillis = timeoutMillis;
    }

    private Socket bounded(Socket s) throws IOException {
        s.setSoTimeout(timeoutMillis);
        return s;
    }

    @Override
    public Socket createSocket() throws IOException {
        return bounded(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return bounded(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return bounded(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return bounded(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return bounded(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return bounded(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
