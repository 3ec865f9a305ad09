package io.turnstile.identity.ldap;

import io.turnstile.platform.InvalidRequestException;

/**
 * One entry of {@code ldap_server_hosts}: {@code host}, {@code host:port}, {@code [v6]:port} or
 * {@code ldaps://host[:port]}. LDAPS only (RFC 4513 §3.1.3 TLS from the first byte); the default port is 636.
 */
public record LdapServer(String host, int port) {

    public static final int LDAPS_PORT = 636;

    public static LdapServer parse(String text, String where) {
        String s = text == null ? "" : text.trim();
        if (s.regionMatches(true, 0, "ldap://", 0, 7)) {
            throw new InvalidRequestException(where + ": plain ldap:// is not supported, use LDAPS (port 636)");
        }
        if (s.regionMatches(true, 0, "ldaps://", 0, 8)) {
            s = s.substring(8);
            if (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                throw new InvalidRequestException(where + ": unclosed [ in " + text);
            }
            host = s.substring(1, end);
            if (end + 1 < s.length()) {
                if (s.charAt(end + 1) != ':') {
                    throw new InvalidRequestException(where + ": expected :port after ] in " + text);
                }
                port = s.substring(end + 2);
            }
        } else if (s.indexOf(':') != s.lastIndexOf(':')) {
            host = s; // a bare IPv6 address
        } else {
            int colon = s.indexOf(':');
            host = colon < 0 ? s : s.substring(0, colon);
            port = colon < 0 ? null : s.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.:_%-]+")) {
            throw new InvalidRequestException(where + ": not a host name or address: " + text);
        }
        int p = LDAPS_PORT;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw new InvalidRequestException(where + ": port must be 1..65535 in " + text);
            }
        }
        return new LdapServer(host, p);
    }
}
