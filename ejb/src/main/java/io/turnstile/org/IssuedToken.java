package io.turnstile.org;

/** A token just created, with its key: the only moment the key is known. {@code toString} never shows the key. */
public record IssuedToken(ApiPrincipal principal, String key) {

    @Override
    public String toString() {
        return "IssuedToken[principal=" + principal + ", key=<redacted>]";
    }
}
