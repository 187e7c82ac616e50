package io.switchboard.analytics.tenant;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/analytics/tenant")
@Tag(name = "Analytics")
@Transactional(Transactional.TxType.SUPPORTS)
public class TenantAnalyticsResource {

    public record Day(LocalDate day, long callsCreated, long callsCompleted, long totalDurationSeconds) {
    }

    public record Summary(LocalDate from, LocalDate to, long callsCreated, long callsCompleted, long totalDurationSeconds) {
    }

    @Inject
    TenantDailyAnalyticsRepository analytics;

    @Inject
    TenantContext tenant;

    /** Per UTC day; {@code from}/{@code to} default to the last 30 days. */
    @GET
    @Path("/daily")
    public List<Day> daily(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        Range range = Range.of(from, to);
        return analytics.range(tenant.require(), range.from, range.to).stream()
                .map(d -> new Day(d.key.day(), d.callsCreated, d.callsCompleted, d.totalDurationSeconds))
                .toList();
    }

    @GET
    @Path("/summary")
    public Summary summary(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        Range range = Range.of(from, to);
        List<Day> days = daily(range.from, range.to);
        return new Summary(range.from, range.to, days.stream().mapToLong(Day::callsCreated).sum(),
                days.stream().mapToLong(Day::callsCompleted).sum(), days.stream().mapToLong(Day::totalDurationSeconds).sum());
    }

    private record Range(LocalDate from, LocalDate to) {
        // four-digit years: what ISO dates in a query string mean, and far inside PostgreSQL's date range
        private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
        private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

        static Range of(LocalDate from, LocalDate to) {
            within("from", from);
            within("to", to);
            LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
            LocalDate start = from != null ? from : end.minusDays(30);
            if (start.isAfter(end)) {
                throw ProblemException.badField("from", "must not be after 'to'");
            }
            if (start.plusDays(366).isBefore(end)) {
                throw ProblemException.badField("from", "range is limited to 366 days");
            }
            return new Range(start, end);
        }

        private static void within(String parameter, LocalDate day) {
            if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
                throw ProblemException.badField(parameter, "must be a date between 0001-01-01 and 9999-12-31");
            }
        }
    }
}
