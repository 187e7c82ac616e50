package io.switchboard.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The demo's lead list, generated deterministically from a seed: ViciDial's standard lead file (tab-separated, no
 * header, its 25 columns in their fixed order), with contacts in several countries and time zones, a few rows the
 * import must reject, a few repeated numbers (skipped as duplicates) and a few numbers meant for the tenant's DNC list.
 */
public final class SampleLeads {

    /** ViciDial's lead columns, in order (contacts-service's {@code format=vicidial}). */
    public static final List<String> COLUMNS = List.of("vendor_lead_code", "source_id", "list_id", "phone_code",
            "phone_number", "title", "first_name", "middle_initial", "last_name", "address1", "address2", "address3",
            "city", "state", "province", "postal_code", "country_code", "gender", "date_of_birth", "alt_phone", "email",
            "security_phrase", "comments", "rank", "owner");

    /** A country of the list: its region, a city, and the national number prefixes that ring in distinct zones. */
    record Country(String region, String city, String state, List<String> prefixes) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("US", "New York", "NY", List.of("212", "646", "718")),
            new Country("US", "Chicago", "IL", List.of("312", "773")),
            new Country("US", "Denver", "CO", List.of("303", "720")),
            new Country("US", "San Francisco", "CA", List.of("415", "628")),
            new Country("GB", "London", "", List.of("7700", "7911")),
            new Country("DE", "Berlin", "", List.of("151", "160", "170")),
            new Country("FR", "Paris", "", List.of("6")),
            new Country("IN", "Mumbai", "MH", List.of("98", "99")),
            new Country("AU", "Sydney", "NSW", List.of("4")),
            new Country("BR", "São Paulo", "SP", List.of("11 9")),
            new Country("JP", "Tokyo", "", List.of("90", "80")));

    static final List<String> FIRST = List.of("Ada", "Grace", "Alan", "Linus", "Margaret", "Ken", "Barbara", "Dennis",
            "Frances", "Edsger", "Radia", "Tim", "Hedy", "Niklaus", "Katherine", "Donald", "Sophie", "John", "Mary", "Yuki");
    static final List<String> LAST = List.of("Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Thompson",
            "Liskov", "Ritchie", "Allen", "Dijkstra", "Perlman", "Berners-Lee", "Lamarr", "Wirth", "Johnson", "Knuth",
            "Wilson", "McCarthy", "Shelley", "Tanaka");

    /** The rows the import must reject, with why (what the demo's report shows). */
    public record BadRow(int row, String why) {
    }

    private final String text;
    private final int contacts;
    private final List<String> dncNumbers;
    private final List<BadRow> badRows;
    private final List<Integer> duplicateRows;
    private final Set<String> regions;

    private SampleLeads(String text, int contacts, List<String> dncNumbers, List<BadRow> badRows,
            List<Integer> duplicateRows, Set<String> regions) {
        this.text = text;
        this.contacts = contacts;
        this.dncNumbers = dncNumbers;
        this.badRows = badRows;
        this.duplicateRows = duplicateRows;
        this.regions = regions;
    }

    /**
     * {@code contacts} distinct valid numbers (the same for the same seed), then: every 40th row a rejected one
     * (5 kinds in turn), every 60th row a repeat of an earlier number, and {@code contacts / 40} of the valid numbers
     * (at least 2) chosen for the DNC list.
     */
    public static SampleLeads generate(int contacts, long seed) {
        if (contacts < 10) {
            throw new IllegalArgumentException("at least 10 contacts");
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Random random = new Random(seed);
        Set<String> used = new LinkedHashSet<>();
        List<String[]> valid = new ArrayList<>(); // phone_code, national, e164, country index
        while (valid.size() < contacts) {
            int c = valid.size() % COUNTRIES.size();
            Country country = COUNTRIES.get(c);
            String prefix = country.prefixes().get(random.nextInt(country.prefixes().size())).replace(" ", "");
            String example = util.getNationalSignificantNumber(util.getExampleNumberForType(country.region(),
                    country.region().equals("US") ? PhoneNumberType.FIXED_LINE_OR_MOBILE : PhoneNumberType.MOBILE));
            StringBuilder national = new StringBuilder(prefix);
            while (national.length() < example.length()) {
                national.append(random.nextInt(10));
            }
            if (country.region().equals("US")) {
                national.setCharAt(3, (char) ('2' + random.nextInt(8))); // exchange code 2-9
            }
            PhoneNumber number = new PhoneNumber().setCountryCode(util.getCountryCodeForRegion(country.region()))
                    .setNationalNumber(Long.parseLong(national.toString()));
            String e164 = util.format(number, PhoneNumberFormat.E164);
            if (util.isValidNumberForRegion(number, country.region()) && used.add(e164)) {
                valid.add(new String[] {String.valueOf(number.getCountryCode()), national.toString(), e164, String.valueOf(c)});
            }
        }
        List<String> dnc = new ArrayList<>();
        int dncCount = Math.max(2, contacts / 40);
        for (int i = 0; i < dncCount; i++) {
            dnc.add(valid.get(7 + i * (contacts / dncCount))[2]);
        }

        StringBuilder out = new StringBuilder();
        List<BadRow> bad = new ArrayList<>();
        List<Integer> duplicates = new ArrayList<>();
        int row = 0;
        int next = 0;
        int badKind = 0;
        while (next < valid.size()) {
            row++;
            if (row % 40 == 0) {
                String[] base = valid.get(next);
                String[] fields = lead(row, base, random, dnc.contains(base[2]));
                String why = switch (badKind++ % 5) {
                    case 0 -> { fields[4] = ""; yield "no phone number"; }
                    case 1 -> { fields[4] = "CALL-ME"; yield "letters instead of a phone number"; }
                    case 2 -> { fields[4] = "12"; yield "too short to be a phone number"; }
                    case 3 -> { fields[3] = "x1"; yield "non-numeric phone_code"; }
                    default -> { fields[4] = "0000000"; yield "not a valid number in its country"; }
                };
                bad.add(new BadRow(row, why));
                out.append(String.join("\t", fields)).append('\n');
            } else if (row % 60 == 0 && next > 0) {
                String[] base = valid.get(next / 2);
                duplicates.add(row);
                out.append(String.join("\t", lead(row, base, random, dnc.contains(base[2])))).append('\n');
            } else {
                String[] base = valid.get(next++);
                out.append(String.join("\t", lead(row, base, random, dnc.contains(base[2])))).append('\n');
            }
        }
        Set<String> regions = new LinkedHashSet<>();
        COUNTRIES.forEach(c -> regions.add(c.region()));
        return new SampleLeads(out.toString(), contacts, List.copyOf(dnc), List.copyOf(bad), List.copyOf(duplicates), regions);
    }

    private static String[] lead(int row, String[] number, Random random, boolean dnc) {
        Country country = COUNTRIES.get(Integer.parseInt(number[3]));
        String first = FIRST.get(random.nextInt(FIRST.size()));
        String last = LAST.get(random.nextInt(LAST.size()));
        String[] f = new String[COLUMNS.size()];
        java.util.Arrays.fill(f, "");
        f[0] = "DEMO-" + row;                                        // vendor_lead_code
        f[1] = "demo";                                               // source_id
        f[2] = "1001";                                               // list_id
        f[3] = number[0];                                            // phone_code
        f[4] = number[1];                                            // phone_number
        f[6] = first;
        f[8] = last;
        f[9] = (1 + random.nextInt(200)) + " Main Street";           // address1
        f[12] = country.city();
        f[13] = country.state();
        f[16] = country.region();                                    // country_code
        f[20] = (first + "." + last + row).toLowerCase().replace("-", "") + "@example.test";
        f[22] = dnc ? "asked not to be called" : "demo lead";         // comments -> notes
        f[23] = String.valueOf(random.nextInt(10));                  // rank
        return f;
    }

    /** The file: ViciDial lead format, tab-separated, UTF-8, no header. */
    public String text() {
        return text;
    }

    /** Distinct valid numbers in the file (rows imported, DNC ones included). */
    public int contacts() {
        return contacts;
    }

    /** E.164 numbers the demo puts on the tenant's internal DNC list before the import. */
    public List<String> dncNumbers() {
        return dncNumbers;
    }

    public List<BadRow> badRows() {
        return badRows;
    }

    /** Rows repeating an earlier row's number (the import skips them). */
    public List<Integer> duplicateRows() {
        return duplicateRows;
    }

    public int rows() {
        return contacts + badRows.size() + duplicateRows.size();
    }

    public Set<String> regions() {
        return regions;
    }
}
