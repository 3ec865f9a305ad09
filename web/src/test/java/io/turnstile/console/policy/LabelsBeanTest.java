package io.turnstile.console.policy;

import io.turnstile.platform.InvalidRequestException;
import io.turnstile.policy.NacTag;
import io.turnstile.policy.PolicyDocuments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The label form's request body is one the REST API's validation accepts, and a type change drops the old value. */
class LabelsBeanTest {

    private static LabelsBean.Form form(String name, String type, String values, String value) {
        LabelsBean.Form f = new LabelsBean.Form();
        f.setName(name);
        f.setType(type);
        f.setValues(values);
        f.setValue(value);
        return f;
    }

    @Test
    void aMatchFormBecomesAValidMatchLabelWithOneValuePerLine() {
        Map<String, Object> body = LabelsBean.body(form(" printers ", "match", "0c1f00000001\n\n 0c1f00000002 \n", null));
        NacTag t = PolicyDocuments.tag(body, null, "id", "org", 0);
        assertEquals("printers", t.name());
        assertEquals(List.of("0c1f00000001", "0c1f00000002"), t.values());
        assertEquals("client_mac", t.match().contractName());
    }

    @Test
    void changingAMatchLabelToAVlanLabelRemovesTheMatchFields() {
        NacTag existing = PolicyDocuments.tag(LabelsBean.body(form("x", "match", "0c1f00000001", null)), null, "id",
                "org", 0);
        NacTag changed = PolicyDocuments.tag(LabelsBean.body(form("x", "vlan", null, "120")), existing, "id", "org", 1);
        assertEquals("120", changed.vlan());
        assertTrue(changed.values().isEmpty());
        assertFalse(PolicyDocuments.tagToMap(changed).containsKey("match"));
    }

    @Test
    void aNumberTypeWithTextIsRefusedWithTheFieldName() {
        var e = assertThrows(InvalidRequestException.class,
                () -> LabelsBean.body(form("t", "session_timeout", null, "soon")));
        assertTrue(e.getMessage().startsWith("session_timeout"), e.getMessage());
        assertEquals(7200L, LabelsBean.body(form("t", "session_timeout", null, " 7200 ")).get("session_timeout"));
    }
}
