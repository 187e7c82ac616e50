package io.switchboard.campaigns.campaign;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A campaign to create (it starts as {@code draft}). The calling window is the recipient's local time,
 * "HH:mm" to "HH:mm" on the same day; give both ends or neither.
 */
@CallingWindow
public record CreateCampaignRequest(
        @NotBlank @Size(max = 200) String name,
        UUID agentId,
        @Pattern(regexp = HH_MM_PATTERN, message = "must be a time like 09:00") String callingWindowStart,
        @Pattern(regexp = HH_MM_PATTERN, message = "must be a time like 21:00") String callingWindowEnd,
        @Min(1) @Max(1000) Integer maxConcurrentCalls,
        @Min(1) @Max(20) Integer maxAttempts) {

    static final String HH_MM_PATTERN = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Null when absent; only called on validated requests. */
    static LocalTime time(String hhmm) {
        return hhmm == null ? null : LocalTime.parse(hhmm, HH_MM);
    }
}
