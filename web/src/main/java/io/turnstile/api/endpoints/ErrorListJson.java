package io.turnstile.api.endpoints;

import java.util.List;

/**
 * A 400 body that lists every problem, e.g. of a refused import:
 * {@code {"detail": "import refused, ...", "errors": ["line 3: 92zz - mac invalid"]}}. The contract's
 * {@code {"detail"}} with the {@code errors} of {@code user_mac_import} added.
 */
public record ErrorListJson(String detail, List<String> errors) {
}
