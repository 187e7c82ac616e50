package io.switchboard.contacts.customer;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.contacts.contact.Contact;
import io.switchboard.contacts.contact.ContactDeleting;
import io.switchboard.contacts.contact.ContactRepository;
import io.switchboard.contacts.customer.CustomerRequests.CustomerFields;
import io.switchboard.contacts.customer.CustomerRequests.Profile;
import io.switchboard.contacts.customer.CustomerViews.CustomerView;
import io.switchboard.contacts.customer.CustomerViews.ProfileView;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.customer.CustomerCreatedV1;
import io.switchboard.events.customer.CustomerDeletedV1;
import io.switchboard.events.customer.CustomerDoNotContactChangedV1;
import io.switchboard.events.customer.CustomerUpdatedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

/**
 * Customers: converting a contact (one customer per contact, a per-tenant CUS-nnnnnn reference), the record,
 * and the risk profile whose do-not-contact flag the dialer applies like an opt-out.
 */
@ApplicationScoped
@Transactional
public class CustomerService {

    private static final Logger LOG = Logger.getLogger(CustomerService.class);

    /** The unique contact_id in V7__customers.sql: a lost conversion race is a 409. */
    static final String ONE_PER_CONTACT = "customer_contact_unique";

    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final Outbox outbox;
    private final RequestBodies bodies;

    @Inject
    public CustomerService(CustomerRepository customers, ContactRepository contacts, Outbox outbox, RequestBodies bodies) {
        this.customers = customers;
        this.contacts = contacts;
        this.outbox = outbox;
        this.bodies = bodies;
    }

    public CustomerView convert(UUID tenantId, UUID contactId, CustomerFields request) {
        Contact contact = contacts.require(tenantId, contactId);
        bodies.validate(request);
        customers.findByContact(tenantId, contactId).ifPresent(existing -> {
            throw ProblemException.conflict("contact " + contactId + " already is customer " + existing.id);
        });
        OffsetDateTime now = now();
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.tenantId = tenantId;
        customer.contactId = contactId;
        customer.customerReference = reference(customers.nextReferenceNumber(tenantId));
        apply(customer, request);
        customer.profileUpdatedAt = now;
        customer.createdAt = now;
        customer.updatedAt = now;
        UniqueConstraints.insertOrConflict(() -> {
            customers.persist(customer);
            customers.flush();
        }, ONE_PER_CONTACT, "contact " + contactId + " already is a customer");
        contact.customer = true;
        contact.updatedAt = now;
        outbox.publish(EventCatalog.CUSTOMER_CREATED, tenantId, new CustomerCreatedV1(customer.id.toString(), contactId.toString(),
                customer.customerReference, customer.company, customer.industry, customer.dealValue, customer.dealCurrency,
                now.toInstant()));
        LOG.infof("customer created tenant=%s contact=%s customer=%s reference=%s", tenantId, contactId, customer.id,
                customer.customerReference);
        return CustomerView.of(customer);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerView get(UUID tenantId, UUID id) {
        return CustomerView.of(require(tenantId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CustomerView> list(UUID tenantId, PageRequest page) {
        return Page.of(customers.listForTenant(tenantId, page), page, row -> Cursor.of(row.createdAt, row.id), CustomerView::of);
    }

    public CustomerView update(UUID tenantId, UUID id, CustomerFields request) {
        Customer customer = require(tenantId, id);
        bodies.validate(request);
        apply(customer, request);
        customer.updatedAt = now();
        updated(customer);
        return CustomerView.of(customer);
    }

    public void delete(UUID tenantId, UUID id) {
        Customer customer = require(tenantId, id);
        OffsetDateTime now = now();
        if (customer.doNotContact) {
            // the block came from this customer record: it goes with it
            doNotContactChanged(customer, false, "customer deleted", now);
        }
        customers.delete(customer);
        contacts.findForTenant(tenantId, customer.contactId).ifPresent(contact -> {
            contact.customer = false;
            contact.updatedAt = now;
        });
        outbox.publish(EventCatalog.CUSTOMER_DELETED, tenantId, new CustomerDeletedV1(customer.id.toString(),
                customer.contactId.toString(), customer.customerReference, now.toInstant()));
        LOG.infof("customer deleted tenant=%s contact=%s customer=%s", tenantId, customer.contactId, customer.id);
    }

    /**
     * A contact is about to be deleted and its customer row would cascade with it: a do-not-contact block must not
     * vanish that way (the dialer would never hear of it), so that delete is refused; otherwise the customer is
     * deleted first, with its event.
     */
    void onContactDeleting(@Observes ContactDeleting deleting) {
        customers.findByContact(deleting.tenantId(), deleting.contactId()).ifPresent(customer -> {
            if (customer.doNotContact) {
                throw ProblemException.conflict("contact " + deleting.contactId() + " is customer " + customer.customerReference
                        + " marked do-not-contact; lift that in its profile (or opt the number out) before deleting the contact");
            }
            delete(deleting.tenantId(), customer.id);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProfileView profile(UUID tenantId, UUID id) {
        return ProfileView.of(require(tenantId, id));
    }

    public ProfileView replaceProfile(UUID tenantId, UUID id, Profile request) {
        Customer customer = require(tenantId, id);
        bodies.validate(request);
        OffsetDateTime now = now();
        boolean blockChanged = customer.doNotContact != request.doNotContact();
        String reason = request.doNotContact() ? blankToNull(request.doNotContactReason()) : null;
        boolean changed = blockChanged || !customer.riskLevel.equals(request.riskLevel())
                || customer.riskScore != request.riskScore() || !Objects.equals(customer.doNotContactReason, reason);
        if (!changed) {
            return ProfileView.of(customer);
        }
        customer.riskLevel = request.riskLevel();
        customer.riskScore = request.riskScore();
        customer.doNotContact = request.doNotContact();
        customer.doNotContactReason = reason;
        customer.profileUpdatedAt = now;
        customer.updatedAt = now;
        if (blockChanged) {
            doNotContactChanged(customer, customer.doNotContact, reason, now);
        }
        updated(customer);
        return ProfileView.of(customer);
    }

    private void doNotContactChanged(Customer customer, boolean doNotContact, String reason, OffsetDateTime now) {
        String phone = contacts.require(customer.tenantId, customer.contactId).phone;
        outbox.publish(EventCatalog.CUSTOMER_DO_NOT_CONTACT_CHANGED, customer.tenantId, new CustomerDoNotContactChangedV1(
                customer.id.toString(), customer.contactId.toString(), phone, doNotContact, reason, now.toInstant()));
        LOG.infof("customer do-not-contact %s tenant=%s contact=%s customer=%s", doNotContact ? "set" : "cleared",
                customer.tenantId, customer.contactId, customer.id);
    }

    private void updated(Customer customer) {
        outbox.publish(EventCatalog.CUSTOMER_UPDATED, customer.tenantId, new CustomerUpdatedV1(customer.id.toString(),
                customer.contactId.toString(), customer.customerReference, customer.company, customer.industry,
                customer.dealValue, customer.dealCurrency, customer.riskLevel, customer.riskScore, customer.doNotContact,
                customer.updatedAt.toInstant()));
        LOG.infof("customer updated tenant=%s customer=%s", customer.tenantId, customer.id);
    }

    /** Copies the fields the request has (null = unchanged), then checks the contract dates as they end up. */
    private static void apply(Customer customer, CustomerFields request) {
        if (request.company() != null) {
            customer.company = blankToNull(request.company());
        }
        if (request.industry() != null) {
            customer.industry = blankToNull(request.industry());
        }
        if (request.dealValue() != null) {
            customer.dealValue = request.dealValue();
        }
        if (request.dealCurrency() != null) {
            customer.dealCurrency = request.dealCurrency();
        }
        if (request.dealClosedDate() != null) {
            customer.dealClosedDate = request.dealClosedDate();
        }
        if (request.contractStartDate() != null) {
            customer.contractStartDate = request.contractStartDate();
        }
        if (request.contractEndDate() != null) {
            customer.contractEndDate = request.contractEndDate();
        }
        if (request.paymentTerms() != null) {
            customer.paymentTerms = blankToNull(request.paymentTerms());
        }
        if (request.accountManager() != null) {
            customer.accountManager = blankToNull(request.accountManager());
        }
        if (request.notes() != null) {
            customer.notes = blankToNull(request.notes());
        }
        LocalDate start = customer.contractStartDate;
        LocalDate end = customer.contractEndDate;
        if (start != null && end != null && end.isBefore(start)) {
            throw ProblemException.badField("contractEndDate", "must not be before contractStartDate");
        }
    }

    /** CUS-000042: six digits, more once a tenant passes a million customers. */
    static String reference(long number) {
        return String.format("CUS-%06d", number);
    }

    private Customer require(UUID tenantId, UUID id) {
        return customers.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("customer", id));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
