package io.turnstile.endpoints;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointImportTest {

    private static final String HEADER = "mac,labels,vlan,notes,name,radius_group\n";

    private static List<EndpointFields> csv(String text) {
        return EndpointImport.fromCsv(stream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static InvalidEndpointException refused(String text) {
        return assertThrows(InvalidEndpointException.class, () -> csv(text));
    }

    private static InvalidEndpointException refused(byte[] bytes) {
        return assertThrows(InvalidEndpointException.class, () -> EndpointImport.fromCsv(stream(bytes)));
    }

    private static void assertMessage(InvalidEndpointException e, String part) {
        assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
    }

    /** The contract's example, with universal MACs: its own (92…, 72…) are locally administered, see below. */
    @Test
    void readsTheContractExample() {
        var rows = csv("""
                mac,labels,vlan,notes,name,radius_group
                901b638445cd,"bldg1,flor1",vlan-100
                701b638445ef,"bldg2,flor2",vlan-101,Canon Printers
                701b638445ee,"bldg3,flor3",vlan-102,Printer2,VIP
                901b638445ce,"bldg4,flor4",vlan-103
                901b638445cf,"bldg5,flor5",vlan-104
                """);
        assertEquals(5, rows.size());
        assertEquals(EndpointFields.of("901b638445cd", "", List.of("bldg1", "flor1"), "vlan-100", null, "", ""),
                rows.get(0));
        assertEquals("Canon Printers", rows.get(1).notes());
        assertEquals("Printer2", rows.get(2).notes(), "columns are taken in header order");
        assertEquals("VIP", rows.get(2).name());
        assertEquals(List.of("bldg5", "flor5"), rows.get(4).labels());
    }

    /** 0x92 and 0x72 have the U/L bit set: the contract's sample MACs fall under its own "non-local-admin" rule. */
    @Test
    void contractSampleMacsAreLocallyAdministered() {
        var e = refused("mac,labels\n921b638445cd,\"bldg1,flor1\"\n721b638445ef,bldg2\n");
        assertEquals(List.of("line 2: 921b638445cd - " + EndpointValidator.MAC_LOCAL,
                "line 3: 721b638445ef - " + EndpointValidator.MAC_LOCAL), e.errors());
    }

    @Test
    void columnsInAnyOrderWithRoleAndMacNormalized() {
        var rows = csv(" Name , MAC ,role\nprinter, 00-1B-2C-3D-4E-5F ,printers\n");
        assertEquals(EndpointFields.of("001b2c3d4e5f", "printer", null, null, "printers", null, null), rows.get(0));
        assertNull(rows.get(0).labels(), "no labels column: labels left as they are");
    }

    @Test
    void badRowIsReportedWithItsSpreadsheetLine() {
        var e = refused(HEADER + """
                001b2c3d4e40,"bldg1,flor1",vlan-100
                92zz,"bldg2",vlan-101,broken row
                001b2c3d4e42,,102
                """);
        assertEquals(List.of("line 3: 92zz - mac invalid"), e.errors());
        assertMessage(e, "nothing was written");
        assertMessage(e, "1 error in 3 rows");
    }

    @Test
    void everyBadRowIsReported() {
        var e = refused(HEADER + """
                001b2c3d4e40,,0
                ,"a",30
                da1b2c3d4e40,,30
                001b2c3d4e43,"way-too-long-label-of-more-than-32-chars",30,,%s
                """.formatted("n".repeat(65)));
        assertEquals(List.of(
                "line 2: 001b2c3d4e40 - " + EndpointValidator.VLAN_INVALID,
                "line 3: mac is required",
                "line 4: da1b2c3d4e40 - " + EndpointValidator.MAC_LOCAL,
                "line 5: 001b2c3d4e43 - name longer than 64 characters",
                "line 5: 001b2c3d4e43 - labels: 'way-too-long-label-of-more-than-32-chars' longer than 32 characters"
        ).stream().sorted().toList(), e.errors().stream().sorted().toList());
    }

    @Test
    void macTwiceInTheFileIsAnError() {
        var e = refused(HEADER + "001b2c3d4e40\n001b2c3d4e41\n00:1B:2C:3D:4E:40\n");
        assertEquals(List.of("line 4: 00:1B:2C:3D:4E:40 - mac already provided (line 2)"), e.errors());
    }

    @Test
    void tooManyColumns() {
        var e = refused(HEADER + "001b2c3d4e40,a,30,notes,name,group,extra\n");
        assertEquals(List.of("line 2: too many columns (7, the header has 6)"), e.errors());
        assertEquals(1, csv(HEADER + "001b2c3d4e40,a,30,notes,name,group,,\n").size(), "empty extra cells are fine");
    }

    @Test
    void headerIsRequired() {
        assertMessage(refused("001b2c3d4e40,\"a,b\",30\n001b2c3d4e41\n"), "header row is required");
        assertMessage(refused(""), "header row is required");
        assertMessage(refused("\n001b2c3d4e40\n"), "header row is required");
        assertMessage(refused("labels,vlan\na,30\n"), "no 'mac' column");
        assertMessage(refused("mac,labels,color\n001b2c3d4e40,a,red\n"), "unknown column 'color'");
        assertMessage(refused("mac;labels;vlan\n001b2c3d4e40;a;30\n"), "unknown column 'mac;labels;vlan'");
        assertMessage(refused("mac,vlan,mac\n001b2c3d4e40,30,001b2c3d4e41\n"), "column 'mac' appears twice");
    }

    @Test
    void headerOnlyHasNothingToImport() {
        assertMessage(refused(HEADER), "nothing to import");
    }

    @Test
    void binaryGarbageIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertMessage(refused(png), "not CSV text");
        assertMessage(refused(new byte[]{'m', 'a', 'c', '\n', 0x00, 0x01}), "binary content at byte 4");
        assertMessage(refused(HEADER.getBytes(StandardCharsets.UTF_16LE)), "not CSV text");
        assertMessage(refused(new byte[]{'m', 'a', 'c', '\n', (byte) 0x81, (byte) 0x8d}), "neither UTF-8");
        byte[] random = new byte[4096];
        new java.util.Random(42).nextBytes(random);
        refused(random);
    }

    @Test
    void excelEncodingsAndByteOrderMark() {
        var cp1252 = ("mac,name\n001b2c3d4e40,Caf\u00e9\n").getBytes(Charset.forName("windows-1252"));
        assertEquals("Caf\u00e9", EndpointImport.fromCsv(stream(cp1252)).get(0).name());
        var bom = ("\uFEFFmac,name\r\n001b2c3d4e40,Caf\u00e9\r\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("Caf\u00e9", EndpointImport.fromCsv(stream(bom)).get(0).name());
    }

    @Test
    void blankLinesAndMultiLineCellsKeepSpreadsheetLineNumbers() {
        var e = refused("mac,notes\n\n001b2c3d4e40,\"two\nlines\"\n92zz,x\n");
        assertEquals(List.of("line 4: 92zz - mac invalid"), e.errors());
    }

    @Test
    void brokenQuotingIsRefused() {
        assertMessage(refused("mac,notes\n001b2c3d4e40,\"never closed\n001b2c3d4e41,x\n"), "malformed CSV");
        assertMessage(refused("mac,notes\n001b2c3d4e40,\"closed\"garbage\n"), "line 2: malformed CSV");
    }

    @Test
    void emptyCellsClearAndMissingCellsAreEmpty() {
        var row = csv(HEADER + "001b2c3d4e40,,\n").get(0);
        assertEquals(List.of(), row.labels());
        assertEquals("", row.vlan());
        assertEquals("", row.radiusGroup());
        assertNull(row.role(), "no role column");
    }

    @Test
    void fileSizeIsLimited() {
        byte[] big = new byte[UsermacCsv.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        assertMessage(refused(big), "larger than 10 MiB");
    }

    @Test
    void rowCountIsLimited() {
        StringBuilder text = new StringBuilder("mac\n");
        for (int i = 0; i <= EndpointImport.MAX_ROWS; i++) {
            text.append(String.format("00%010x%n", i));
        }
        assertMessage(refused(text.toString()), "more than 200000 rows");
    }

    @Test
    void errorListIsCapped() {
        StringBuilder text = new StringBuilder("mac\n");
        for (int i = 0; i < EndpointImport.MAX_ERRORS + 5; i++) {
            text.append("zz").append(i).append('\n');
        }
        var e = refused(text.toString());
        assertEquals(EndpointImport.MAX_ERRORS + 1, e.errors().size());
        assertEquals("... and 5 more errors", e.errors().get(EndpointImport.MAX_ERRORS));
        assertMessage(e, "1005 errors");
    }

    @Test
    void jsonItemsAreValidatedTheSameWay() {
        List<EndpointFields> items = new ArrayList<>();
        items.add(EndpointFields.of("901b638445cd", null, List.of("label1"), "30", null, null, null));
        items.add(null);
        items.add(EndpointFields.of("90:1B:63:84:45:CD", null, null, null, null, null, null));
        items.add(EndpointFields.of("901b638445zz", null, null, null, null, null, null));
        var e = assertThrows(InvalidEndpointException.class, () -> EndpointImport.fromList(items));
        assertEquals(List.of("item 2: not a usermac object",
                "item 3: 90:1B:63:84:45:CD - mac already provided (item 1)",
                "item 4: 901b638445zz - mac invalid"), e.errors());
        assertMessage(assertThrows(InvalidEndpointException.class, () -> EndpointImport.fromList(List.of())),
                "nothing to import");
        assertEquals(List.of(EndpointFields.of("901b638445cd", null, List.of("label1"), "30", null, null, null)),
                EndpointImport.fromList(items.subList(0, 1)));
    }
}
