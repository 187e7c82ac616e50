package io.switchboard.contacts.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.platform.problem.ProblemException;

/**
 * The options of an upload, from its query parameters, checked before a byte is spooled: 400 naming the parameter.
 */
record ImportRequest(ImportFormat format, String delimiter, DuplicatePolicy policy, Map<String, ContactField> mapping,
        List<String> tags, String fileName) {

    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 255;

    static ImportRequest parse(String format, String delimiter, String duplicates, List<String> map, List<String> tags,
            String fileName) {
        ImportFormat parsedFormat = ImportFormat.parse(format)
                .orElseThrow(() -> ProblemException.badField("format", "must be csv or vicidial"));
        if (!Delimiters.AUTO.equals(delimiter) && Delimiters.named(delimiter).isEmpty()) {
            throw ProblemException.badField("delimiter", "must be auto, comma, semicolon, tab or pipe");
        }
        if (parsedFormat == ImportFormat.VICIDIAL && Delimiters.named(delimiter).filter(d -> d != '\t' && d != '|').isPresent()) {
            throw ProblemException.badField("delimiter", "a ViciDial lead file is tab- or pipe-delimited: auto, tab or pipe");
        }
        DuplicatePolicy policy = DuplicatePolicy.parse(duplicates)
                .orElseThrow(() -> ProblemException.badField("duplicates", "must be skip, update or keep_both"));
        Map<String, ContactField> mapping = new LinkedHashMap<>();
        for (String entry : map == null ? List.<String>of() : map) {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) {
                throw ProblemException.badField("map", "each map is <column>:<field>, e.g. Mobile:phone");
            }
            String column = entry.substring(0, colon).trim();
            ContactField field = ContactField.byWire(entry.substring(colon + 1).trim())
                    .orElseThrow(() -> ProblemException.badField("map", "unknown field in '" + entry + "'; fields: "
                            + java.util.Arrays.stream(ContactField.values()).map(ContactField::wire).toList()));
            if (mapping.put(column, field) != null) {
                throw ProblemException.badField("map", "column '" + column + "' is mapped twice");
            }
        }
        if (parsedFormat == ImportFormat.VICIDIAL && !mapping.isEmpty()) {
            throw ProblemException.badField("map", "a ViciDial lead file has fixed columns; map applies to csv only");
        }
        List<String> cleanTags = new ArrayList<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            String trimmed = tag.trim();
            if (trimmed.isEmpty() || trimmed.length() > MAX_TAG_LENGTH) {
                throw ProblemException.badField("tag", "each tag is 1.." + MAX_TAG_LENGTH + " characters");
            }
            if (!cleanTags.contains(trimmed)) {
                cleanTags.add(trimmed);
            }
        }
        if (cleanTags.size() > MAX_TAGS) {
            throw ProblemException.badField("tag", "at most " + MAX_TAGS + " tags");
        }
        if (fileName != null && fileName.length() > MAX_NAME_LENGTH) {
            throw ProblemException.badField("fileName", "at most " + MAX_NAME_LENGTH + " characters");
        }
        return new ImportRequest(parsedFormat, delimiter, policy, mapping, List.copyOf(cleanTags),
                fileName == null || fileName.isBlank() ? null : fileName.trim());
    }
}
