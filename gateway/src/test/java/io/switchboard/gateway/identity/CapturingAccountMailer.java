package io.switchboard.gateway.identity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/** Replaces the logging default in tests (it is a @DefaultBean): keeps what would have been sent. */
@ApplicationScoped
public class CapturingAccountMailer implements AccountMailer {

    private final List<PasswordResetMail> resets = new CopyOnWriteArrayList<>();
    private final List<EmailVerificationMail> verifications = new CopyOnWriteArrayList<>();

    @Override
    public void sendPasswordReset(PasswordResetMail mail) {
        resets.add(mail);
    }

    @Override
    public void sendEmailVerification(EmailVerificationMail mail) {
        verifications.add(mail);
    }

    public List<PasswordResetMail> sentTo(String email) {
        return resets.stream().filter(m -> m.email().equals(email)).toList();
    }

    public List<EmailVerificationMail> verificationsTo(String email) {
        return verifications.stream().filter(m -> m.email().equals(email)).toList();
    }
}
