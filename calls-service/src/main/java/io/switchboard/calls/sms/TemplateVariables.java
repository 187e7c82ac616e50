package io.switchboard.calls.sms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closed set of variables a message template may use (calls-service/docs/sms.md), how they are found in a body
 * and how a body is rendered. A {@code {word}} that is not in the set is refused when the template is saved.
 */
public final class TemplateVariables {

    public static final Set<String> ALL = Set.of("caller_name", "caller_phone", "call_summary", "call_date", "agent_name",
            "agent_phone", "appointment_time");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private TemplateVariables() {
    }

    /** The variables a body uses, in order of first use. */
    public static List<String> used(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }

    /** The first variable outside {@link #ALL}, if any. */
    public static java.util.Optional<String> firstUnknown(String body) {
        return used(body).stream().filter(n -> !ALL.contains(n)).findFirst();
    }

    /** Every known variable replaced by its value (empty when there is none). */
    public static String render(String body, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ALL.contains(m.group(1)) ? values.getOrDefault(m.group(1), "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString().replaceAll("[ \\t]{2,}", " ").trim();
    }
}
