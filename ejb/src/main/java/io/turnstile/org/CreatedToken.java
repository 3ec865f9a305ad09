package io.turnstile.org;

/** A token just created through the API, with its key: shown once, in the creation response. */
public record CreatedToken(OrgApiToken token, String key) {

    @Override
    public String toString() {
        return "CreatedToken[" + token + ", key=<redacted>]";
    }
}
