package io.switchboard.calls.routing;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.calls.number.PhoneNumber;
import io.switchboard.calls.number.PhoneNumberService;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

/** A number's routing schedule: read, replace, and the schedule the inbound webhook decides with. */
@ApplicationScoped
@Transactional
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    private final PhoneNumberService numbers;
    private final EntityManager em;
    private final RequestBodies bodies;

    public RoutingService(PhoneNumberService numbers, EntityManager em, RequestBodies bodies) {
        this.numbers = numbers;
        this.em = em;
        this.bodies = bodies;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoutingView get(UUID tenantId, UUID phoneNumberId) {
        PhoneNumber number = numbers.find(tenantId, phoneNumberId);
        PhoneNumberRouting routing = find(tenantId, phoneNumberId);
        RoutingSchedule schedule = routing == null ? RoutingSchedule.none() : routing.schedule();
        return new RoutingView(number.id, number.timeZone, schedule.teamNumber(), schedule.ringTimeout(), schedule.weekly(),
                schedule.holidayList(), routing == null ? null : routing.updatedAt);
    }

    /** PUT: the whole schedule; validated after the number is found, so another tenant's id is 404 whatever the body. */
    public RoutingView replace(UUID tenantId, UUID phoneNumberId, RoutingSchedule request) {
        PhoneNumber number = numbers.find(tenantId, phoneNumberId);
        bodies.validate(request);
        List<Problem.FieldError> problems = RoutingRules.problems(request);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        PhoneNumberRouting routing = find(tenantId, phoneNumberId);
        boolean fresh = routing == null;
        if (fresh) {
            routing = new PhoneNumberRouting();
            routing.phoneNumberId = number.id;
            routing.tenantId = tenantId;
        }
        routing.teamNumber = request.teamNumber() == null || request.teamNumber().isBlank() ? null
                : PhoneNumbers.e164(request.teamNumber()).orElseThrow(() -> ProblemException.badField("teamNumber",
                        "must be a valid international number like +14155550123"));
        routing.ringTimeoutSeconds = request.ringTimeout();
        routing.weeklyHours = new ArrayList<>(request.weekly());
        routing.holidays = new ArrayList<>(request.holidayList());
        routing.updatedAt = now();
        if (fresh) {
            em.persist(routing);
        }
        LOG.infof("routing schedule set tenant=%s number=%s rules=%d holidays=%d", tenantId, number.id,
                routing.weeklyHours.size(), routing.holidays.size());
        return get(tenantId, phoneNumberId);
    }

    /** The schedule inbound calls to this number are routed by; none set means every call goes to the agent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RoutingSchedule schedule(UUID tenantId, UUID phoneNumberId) {
        PhoneNumberRouting routing = find(tenantId, phoneNumberId);
        return routing == null ? RoutingSchedule.none() : routing.schedule();
    }

    private PhoneNumberRouting find(UUID tenantId, UUID phoneNumberId) {
        return em.createQuery("from PhoneNumberRouting where tenantId = ?1 and phoneNumberId = ?2", PhoneNumberRouting.class)
                .setParameter(1, tenantId).setParameter(2, phoneNumberId).getResultStream().findFirst().orElse(null);
    }
}
