package io.turnstile.identity;

import java.util.List;

/** One page of an org's sso entries. */
public record SsoPage(List<Sso> ssos, long total, int limit, int page) {

    public SsoPage {
        ssos = List.copyOf(ssos);
    }
}
