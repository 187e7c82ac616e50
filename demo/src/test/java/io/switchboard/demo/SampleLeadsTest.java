package io.switchboard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

class SampleLeadsTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private final SampleLeads leads = SampleLeads.generate(300, 42);
    private final List<String[]> rows = leads.text().lines().map(l -> l.split("\t", -1)).toList();

    /** What contacts-service's ViciDial reader does: phone = phone_code + phone_number, valid for its country. */
    private static String e164(String[] row) {
        try {
            PhoneNumber number = UTIL.parse("+" + Integer.parseInt(row[3]) + row[4], "ZZ");
            return UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException | NumberFormatException e) {
            return null;
        }
    }

    @Test
    void everyRowHasViciDialsTwentyFiveTabSeparatedColumnsAndNoHeader() {
        assertEquals(leads.rows(), rows.size());
        rows.forEach(r -> assertEquals(25, r.length, String.join("|", r)));
        assertEquals("DEMO-1", rows.get(0)[0]);
        rows.forEach(r -> assertFalse(String.join("", r).contains("\"") || String.join("", r).contains("\r"),
                "ViciDial files have no quoting"));
    }

    @Test
    void theSameSeedGivesTheSameFileAndAnotherSeedAnotherOne() {
        assertEquals(leads.text(), SampleLeads.generate(300, 42).text());
        assertNotEquals(leads.text(), SampleLeads.generate(300, 7).text());
    }

    @Test
    void theValidRowsAreTheRequestedNumberOfDistinctNumbersAcrossCountriesAndTimeZones() {
        Set<String> numbers = new HashSet<>();
        Set<String> countries = new TreeSet<>();
        Set<String> zones = new TreeSet<>();
        for (String[] row : rows) {
            String e164 = e164(row);
            if (e164 != null) {
                numbers.add(e164);
                countries.add(row[16]);
                try {
                    zones.addAll(PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(UTIL.parse(e164, "ZZ")));
                } catch (NumberParseException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertEquals(300, numbers.size());
        assertEquals(Set.of("AU", "BR", "DE", "FR", "GB", "IN", "JP", "US"), countries);
        assertTrue(zones.containsAll(Set.of("America/New_York", "America/Chicago", "America/Denver",
                "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Tokyo")), zones.toString());
    }

    @Test
    void theRowsMeantToBeRejectedHaveNoValidPhoneAndAllOthersDo() {
        Set<Integer> bad = new HashSet<>();
        leads.badRows().forEach(b -> bad.add(b.row()));
        assertEquals(7, bad.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(bad.contains(i + 1), e164(rows.get(i)) == null, "row " + (i + 1));
        }
        assertEquals(Set.of("no phone number", "letters instead of a phone number", "too short to be a phone number",
                "non-numeric phone_code", "not a valid number in its country"),
                new HashSet<>(leads.badRows().stream().map(SampleLeads.BadRow::why).toList()));
    }

    @Test
    void theDuplicateRowsRepeatANumberOfAnEarlierRow() {
        assertFalse(leads.duplicateRows().isEmpty());
        for (int row : leads.duplicateRows()) {
            String number = e164(rows.get(row - 1));
            assertTrue(rows.subList(0, row - 1).stream().anyMatch(r -> number.equals(e164(r))), "row " + row);
        }
    }

    @Test
    void theDncNumbersAreDistinctNumbersOfTheFile() {
        assertEquals(7, leads.dncNumbers().size());
        assertEquals(7, new HashSet<>(leads.dncNumbers()).size());
        Set<String> numbers = new HashSet<>();
        rows.forEach(r -> numbers.add(e164(r)));
        assertTrue(numbers.containsAll(leads.dncNumbers()));
    }
}
