package io.turnstile.api.endpoints;

import io.turnstile.endpoints.Endpoint;
import io.turnstile.endpoints.EndpointFields;
import io.turnstile.endpoints.StoredEndpoint;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UsermacJsonTest {

    @Test
    void storedEndpointWithEpochSeconds() {
        var stored = new StoredEndpoint(new Endpoint("id-1", "org-1", "001b2c3d4e01", "printer", List.of("it"), "30",
                "printers", "VIP", "notes"), Instant.ofEpochMilli(1_700_000_000_999L),
                Instant.ofEpochMilli(1_700_000_100_000L));
        var json = UsermacJson.of(stored);
        assertEquals(new UsermacJson("id-1", "001b2c3d4e01", "printer", List.of("it"), "30", "printers", "VIP",
                "notes", "org-1", json.createdTime(), json.modifiedTime()), json);
        assertEquals(new BigDecimal("1700000000.999"), json.createdTime(), "milliseconds as a fraction");
        assertEquals(1_700_000_100L, json.modifiedTime(), "whole seconds as an integer");
    }

    @Test
    void requestFieldsIgnoreOrgAndTimes() {
        var json = new UsermacJson("id-1", "00:1B:2C:3D:4E:01", null, List.of(), "", null, "VIP", null, "other-org",
                1L, 2L);
        assertEquals(new EndpointFields("id-1", "00:1B:2C:3D:4E:01", null, List.of(), "", null, "VIP", null),
                UsermacJson.fields(json));
        assertNull(UsermacJson.fields((UsermacJson) null));
        assertNull(UsermacJson.fields((List<UsermacJson>) null));
        assertEquals(Arrays.asList(null, UsermacJson.fields(json)), UsermacJson.fields(Arrays.asList(null, json)));
    }

    /** The order the brief and the contract examples show, and every component named in it. */
    @Test
    void propertyOrderCoversEveryField() {
        var order = List.of(UsermacJson.class.getAnnotation(JsonbPropertyOrder.class).value());
        var components = Arrays.stream(UsermacJson.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(components, order);
        assertEquals(List.of("id", "mac", "name", "labels", "vlan", "role", "radiusGroup", "notes", "orgId",
                "createdTime", "modifiedTime"), order);
    }
}
