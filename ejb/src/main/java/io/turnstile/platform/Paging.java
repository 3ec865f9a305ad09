package io.turnstile.platform;

/** The contract's {@code limit} and {@code page} query parameters. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }

    /** The page size: default 100, at most 1000 (larger asks are capped, as the Mist API does). */
    public static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int n = integer(text, "limit");
        if (n < 0) {
            throw new InvalidRequestException("limit must not be negative");
        }
        return Math.min(n, MAX_LIMIT);
    }

    /** The page number, from 1 (default 1). */
    public static int page(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        int n = integer(text, "page");
        if (n < 1 || n > MAX_PAGE) {
            throw new InvalidRequestException("page must be from 1 to " + MAX_PAGE);
        }
        return n;
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name + " must be an integer");
        }
    }
}
