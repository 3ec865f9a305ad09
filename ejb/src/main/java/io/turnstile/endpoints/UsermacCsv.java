package io.turnstile.endpoints;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the usermacs import CSV (RFC 4180) as the contract shows it:
 * <pre>
 * mac,labels,vlan,notes,name,radius_group
 * 921b638445cd,"bldg1,flor1",vlan-100
 * 721b638445ef,"bldg2,flor2",vlan-101,Canon Printers
 * </pre>
 * The header row is required; its columns may come in any order and any subset, {@code mac} being required and
 * {@code role} (a Turnstile extension) allowed. Labels are one field, comma-separated (quoted). A row may be shorter
 * than the header (missing trailing cells are empty) but not longer; blank rows are skipped.
 * <p>
 * Hostile input is refused before parsing: more than {@value #MAX_BYTES} bytes, NUL or other control bytes (binary
 * files, UTF-16), or bytes that are neither UTF-8 nor Windows-1252 (what Excel writes). Rows after the header are
 * limited to {@link EndpointImport#MAX_ROWS}.
 */
final class UsermacCsv {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final List<String> COLUMNS = List.of("mac", "labels", "vlan", "notes", "name", "radius_group", "role");
    private static final String HEADER_HINT = "mac,labels,vlan,notes,name,radius_group (role optional)";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false) // keeps record numbers equal to spreadsheet rows
            .setIgnoreSurroundingSpaces(true)
            .build();

    private UsermacCsv() {
    }

    static List<EndpointImport.Row> read(InputStream in) {
        String text = decode(readBounded(in));
        List<EndpointImport.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            long line = 1;
            try {
                if (!records.hasNext()) {
                    throw new InvalidEndpointException("the file is empty; a header row is required: " + HEADER_HINT);
                }
                String[] columns = header(records.next());
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    line = record.getRecordNumber();
                    if (blank(record, 0)) {
                        continue;
                    }
                    if (rows.size() == EndpointImport.MAX_ROWS) {
                        throw new InvalidEndpointException("the file has more than " + EndpointImport.MAX_ROWS
                                + " rows");
                    }
                    rows.add(row(columns, record));
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // commons-csv reports a broken quote or a char after a closing quote this way.
                throw new InvalidEndpointException("line " + (line + 1) + ": malformed CSV (" + e.getMessage() + ")");
            }
        } catch (IOException e) {
            throw new InvalidEndpointException("malformed CSV: " + e.getMessage());
        }
        return rows;
    }

    private static byte[] readBounded(InputStream in) {
        if (in == null) {
            throw new InvalidEndpointException("no file given");
        }
        byte[] bytes;
        try (in) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidEndpointException("could not read the file: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidEndpointException("the file is larger than 10 MiB");
        }
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                throw new InvalidEndpointException("the file is not CSV text: binary content at byte " + i);
            }
        }
        return bytes;
    }

    private static String decode(byte[] bytes) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"))) {
            try {
                String text = charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
                return text.startsWith("\uFEFF") ? text.substring(1) : text;
            } catch (CharacterCodingException e) {
                // try the next one
            }
        }
        throw new InvalidEndpointException("the file is not CSV text (neither UTF-8 nor Windows-1252)");
    }

    private static String[] header(CSVRecord record) {
        List<String> names = new ArrayList<>();
        record.forEach(v -> names.add(v.strip().toLowerCase(Locale.ROOT)));
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1); // trailing empty cells, as spreadsheets sometimes write
        }
        if (names.isEmpty()) {
            throw new InvalidEndpointException("a header row is required on line 1: " + HEADER_HINT);
        }
        if (MacAddress.parse(names.get(0)).isPresent()) {
            throw new InvalidEndpointException("a header row is required; line 1 holds data. Expected: "
                    + HEADER_HINT);
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!COLUMNS.contains(name)) {
                throw new InvalidEndpointException("unknown column '" + EndpointValidator.shorten(name)
                        + "' in the header (line 1); known columns: " + String.join(", ", COLUMNS));
            }
            if (names.indexOf(name) != i) {
                throw new InvalidEndpointException("column '" + name + "' appears twice in the header (line 1)");
            }
        }
        if (!names.contains("mac")) {
            throw new InvalidEndpointException("the header (line 1) has no 'mac' column: " + HEADER_HINT);
        }
        return names.toArray(String[]::new);
    }

    private static EndpointImport.Row row(String[] columns, CSVRecord record) {
        String location = "line " + record.getRecordNumber();
        if (record.size() > columns.length && !blank(record, columns.length)) {
            return new EndpointImport.Row(location, null,
                    "too many columns (" + record.size() + ", the header has " + columns.length + ")");
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < columns.length; i++) {
            cells.put(columns[i], i < record.size() ? record.get(i) : "");
        }
        List<String> labels = cells.containsKey("labels") ? splitLabels(cells.get("labels")) : null;
        return new EndpointImport.Row(location, EndpointFields.of(cells.get("mac"), cells.get("name"), labels,
                cells.get("vlan"), cells.get("role"), cells.get("radius_group"), cells.get("notes")), null);
    }

    private static List<String> splitLabels(String cell) {
        return Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The record has nothing but empty cells from index {@code from} on. */
    private static boolean blank(CSVRecord record, int from) {
        for (int i = from; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
