package io.turnstile.endpoints;

import io.turnstile.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointQueryTest {

    private static EndpointQuery parse(String mac, List<String> labels, String limit, String page, String sort) {
        return EndpointQuery.parse(mac, labels, limit, page, sort);
    }

    private static void refused(String expected, Runnable parse) {
        var e = assertThrows(InvalidRequestException.class, parse::run);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void defaults() {
        var q = parse(null, null, null, null, null);
        assertEquals(EndpointQuery.all(), q);
        assertEquals(100, q.limit());
        assertEquals(1, q.page());
        assertEquals(0, q.offset());
        assertEquals(EndpointQuery.Sort.MAC, q.sort());
        assertFalse(q.descending());
        assertNull(q.macContains());
        assertEquals(List.of(), q.labels());
    }

    @Test
    void partialMacInAnyNotation() {
        assertEquals("5684da", parse("56:84:DA", null, null, null, null).macContains());
        assertEquals("dae9", parse("*DA-E9*", null, null, null, null).macContains());
        assertEquals("5684dae9ac8b", parse("5684.dae9.ac8b", null, null, null, null).macContains());
        assertNull(parse(" ", null, null, null, null).macContains());
        refused("mac must be part of a MAC address", () -> parse("56%", null, null, null, null));
        refused("mac must be part of a MAC address", () -> parse("5684dae9ac8b0", null, null, null, null));
        refused("mac must be part of a MAC address", () -> parse("' OR 1=1", null, null, null, null));
    }

    @Test
    void labelsRepeatedOrCommaSeparated() {
        var q = parse(null, Arrays.asList("bldg1,flor1", " it ", "", null, "bldg1"), null, null, null);
        assertEquals(List.of("bldg1", "flor1", "it"), q.labels());
    }

    @Test
    void limitAndPage() {
        assertEquals(1000, parse(null, null, "5000", null, null).limit(), "capped");
        assertEquals(100, parse(null, null, "0", null, null).limit(), "0 is the default");
        var q = parse(null, null, "20", "3", null);
        assertEquals(40, q.offset());
        refused("limit must not be negative", () -> parse(null, null, "-1", null, null));
        refused("limit must be an integer", () -> parse(null, null, "ten", null, null));
        refused("page must be from 1", () -> parse(null, null, null, "0", null));
        refused("page must be from 1", () -> parse(null, null, "1000", "99999999", null));
        assertEquals(999_999_000, parse(null, null, "1000", "1000000", null).offset(), "no overflow at the last page");
    }

    @Test
    void sortFields() {
        var q = parse(null, null, null, null, "-mac");
        assertEquals(EndpointQuery.Sort.MAC, q.sort());
        assertTrue(q.descending());
        assertEquals(EndpointQuery.Sort.NAME, parse(null, null, null, null, "name").sort());
        assertEquals(EndpointQuery.Sort.CREATED_TIME, parse(null, null, null, null, "timestamp").sort());
        assertEquals(EndpointQuery.Sort.MODIFIED_TIME, parse(null, null, null, null, "-modified_time").sort());
        refused("sort must be one of", () -> parse(null, null, null, null, "site_id"));
        refused("sort must be one of", () -> parse(null, null, null, null, "mac; DROP TABLE usermac"));
    }
}
