package io.switchboard.contacts.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV row mapping, ViciDial's layout, delimiter sniffing and the file guards: pure logic, no infrastructure. */
class RowMapperTest {

    @Test
    void recognisedHeadersBecomeFieldsAndUnknownColumnsCustomFields() throws Exception {
        RowMapper mapper = RowMapper.csv(List.of("First Name", "E-mail", "Mobile", "Segment"), Map.of(), "US");
        RowOutcome outcome = mapper.map(1, record(",", "Ada,ada@example.com,(415) 555-0123,vip"));
        assertEquals("+14155550123", outcome.draft().phone);
        assertEquals("Ada", outcome.draft().get(ContactField.FIRST_NAME));
        assertEquals("ada@example.com", outcome.draft().get(ContactField.EMAIL));
        assertEquals(Map.of("Segment", "vip"), outcome.draft().custom);
        assertTrue(outcome.issues().isEmpty());
    }

    @Test
    void consentColumnsBecomeTheRowsConsentNotContactFieldsWithVoiceAndImportAsDefaults() throws Exception {
        RowMapper mapper = RowMapper.csv(List.of("phone", "Consent Type", "consent_captured_at", "Consent Expires At",
                "consent_evidence"), Map.of(), null);
        RowOutcome outcome = mapper.map(1, record(",",
                "+14155550123,PRIOR_EXPRESS_WRITTEN,2026-11-20T10:12:00+01:00,2030-01-01,https://forms.example.com/1"));
        assertTrue(outcome.issues().isEmpty(), outcome.issues().toString());
        var consent = outcome.draft().consent;
        assertEquals("+14155550123", consent.phone());
        assertEquals("voice", consent.channel());
        assertEquals("prior_express_written", consent.type());
        assertEquals("import", consent.source());
        assertEquals("2026-11-20T09:12Z", consent.capturedAt().toString());
        assertEquals("2030-01-01T00:00Z", consent.expiresAt().toString());
        assertEquals("https://forms.example.com/1", consent.evidence());
        assertTrue(outcome.draft().fields.keySet().stream().noneMatch(ContactField::consent));
        assertTrue(outcome.draft().custom.isEmpty());
    }

    @Test
    void aRowWithoutConsentColumnValuesHasNoConsent() throws Exception {
        RowMapper mapper = RowMapper.csv(List.of("phone", "consent_type"), Map.of(), null);
        assertNull(mapper.map(1, record(",", "+14155550123,")).draft().consent);
    }

    @Test
    void invalidConsentValuesRejectTheRowNamingTheColumn() throws Exception {
        RowMapper mapper = RowMapper.csv(List.of("phone", "Consent Type", "Consent Channel", "Consent Captured At",
                "Consent Expires At"), Map.of(), null);
        assertRejected(mapper, "+14155550123,verbal,,,", "Consent Type", "must be one of");
        assertRejected(mapper, "+14155550123,,sms,,", "Consent Type", "needs the consent type");
        assertRejected(mapper, "+14155550123,prior_express,fax,,", "Consent Channel", "must be one of");
        assertRejected(mapper, "+14155550123,prior_express,,yesterday,", "Consent Captured At", "not a date-time");
        assertRejected(mapper, "+14155550123,prior_express,,2026-11-20,2026-11-01", "Consent Expires At", "after");
        assertRejected(mapper, "+14155550123,prior_express,,,2001-01-01", "Consent Expires At", "future");
        assertRejected(mapper, "+14155550123,prior_express,,+10000-01-01T00:00:00Z,", "Consent Captured At", "9999");
    }

    private static void assertRejected(RowMapper mapper, String line, String column, String reason) throws IOException {
        RowOutcome outcome = mapper.map(2, record(",", line));
        assertNull(outcome.draft(), line);
        RowIssue issue = outcome.issues().get(0);
        assertEquals(column, issue.column(), line);
        assertTrue(issue.reason().contains(reason), issue.reason());
    }

    @Test
    void anExplicitMappingWinsOverTheHeaderName() throws Exception {
        RowMapper mapper = RowMapper.csv(List.of("phone", "cell"), Map.of("cell", ContactField.PHONE, "phone",
                ContactField.IGNORE), null);
        RowOutcome outcome = mapper.map(1, record(",", "ignored,+442079460958"));
        assertEquals("+442079460958", outcome.draft().phone);
        assertTrue(outcome.draft().custom.isEmpty());
    }

    @Test
    void aNationalNumberWithoutATenantRegionIsRejectedSayingWhy() throws Exception {
        RowMapper mapper = RowMapper.csv(List.of("phone"), Map.of(), null);
        RowOutcome outcome = mapper.map(4, record(",", "4155550123"));
        assertNull(outcome.draft());
        RowIssue issue = outcome.issues().get(0);
        assertEquals(4, issue.row());
        assertEquals("phone", issue.column());
        assertEquals("4155550123", issue.value());
        assertTrue(issue.reason().contains("default region"), issue.reason());
    }

    @Test
    void anInvalidAlternatePhoneIsDroppedWithAWarningButTheRowIsImported() throws Exception {
        RowMapper mapper = RowMapper.csv(List.of("phone", "alt phone"), Map.of(), null);
        RowOutcome outcome = mapper.map(1, record(",", "+14155550123,999"));
        assertEquals("+14155550123", outcome.draft().phone);
        assertNull(outcome.draft().get(ContactField.ALTERNATE_PHONE));
        assertEquals("alt phone", outcome.issues().get(0).column());
    }

    @Test
    void aHeaderWithoutAPhoneColumnOrMappingAMissingColumnIsABadFile() {
        assertThrows(BadFileException.class, () -> RowMapper.csv(List.of("name", "email"), Map.of(), null));
        assertThrows(BadFileException.class, () -> RowMapper.csv(List.of("phone"), Map.of("Mobile", ContactField.PHONE), null));
    }

    @Test
    void viciDialRowsUseThePhoneCodeAndTheFixedColumns() {
        RowMapper mapper = RowMapper.vicidial(null);
        String line = String.join("\t", "VL-1", "src", "1001", "44", "2079460958", "Mrs", "Ada", "K", "Lovelace",
                "12 St James's Sq", "Flat 2", "", "London", "", "Westminster", "SW1Y 4JH", "GB", "F", "1815-12-10",
                "7911123456", "ada@example.com", "secret", "called before", "5", "agent7");
        RowOutcome outcome = mapper.map(1, record("\t", line));
        ContactDraft draft = outcome.draft();
        assertEquals("+442079460958", draft.phone);
        assertEquals("Ada", draft.get(ContactField.FIRST_NAME));
        assertEquals("Lovelace", draft.get(ContactField.LAST_NAME));
        assertEquals("12 St James's Sq, Flat 2", draft.get(ContactField.ADDRESS));
        assertEquals("GB", draft.get(ContactField.COUNTRY));
        assertEquals("+447911123456", draft.get(ContactField.ALTERNATE_PHONE));
        assertEquals("called before", draft.get(ContactField.NOTES));
        assertEquals("VL-1", draft.custom.get("vendor_lead_code"));
        assertEquals("1001", draft.custom.get("list_id"));
        assertEquals("agent7", draft.custom.get("owner"));
        assertEquals("Westminster", draft.custom.get("province"));
    }

    @Test
    void aViciDialPhoneCodeThatIsNotANumberRejectsTheRow() {
        RowOutcome outcome = RowMapper.vicidial("US").map(2, record("|", "v|s|1|x1|4155550123|"));
        assertNull(outcome.draft());
        assertEquals("phone_code", outcome.issues().get(0).column());
    }

    @Test
    void theDelimiterIsTheCandidateSeenMostOutsideQuotes() {
        assertEquals(';', Delimiters.sniff("phone;name;\"a,b,c,d\"", ImportFormat.CSV));
        assertEquals('\t', Delimiters.sniff("a\tb\tc", ImportFormat.CSV));
        assertEquals('|', Delimiters.sniff("a|b|c,d", ImportFormat.VICIDIAL));
        assertEquals(',', Delimiters.sniff("phone", ImportFormat.CSV));
    }

    @Test
    void theGuardedReaderRefusesLongLinesNulAndInvalidUtf8AndDropsTheBom() throws IOException {
        assertEquals("ab\ncd", readAll(new GuardedReader(bytes("\uFEFFab\ncd"), 2)));
        BadFileException tooLong = assertThrows(BadFileException.class, () -> readAll(new GuardedReader(bytes("ab\nabc"), 2)));
        assertTrue(tooLong.getMessage().startsWith("line 2"), tooLong.getMessage());
        assertThrows(BadFileException.class, () -> readAll(new GuardedReader(bytes("a\0b"), 100)));
        BadFileException latin1 = assertThrows(BadFileException.class, () -> readAll(new GuardedReader(
                new ByteArrayInputStream("José".getBytes(StandardCharsets.ISO_8859_1)), 100)));
        assertTrue(latin1.getMessage().contains("UTF-8"));
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[3];
        int n;
        while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    private static CSVRecord record(String delimiter, String line) {
        try {
            return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote(null).get()
                    .parse(new StringReader(line)).getRecords().get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
