package io.switchboard.gateway.identity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/** Replaces the logging default in tests (it is a @DefaultBean): keeps what would have been sent. */
@ApplicationScoped
public class CapturingPasswordResetMailer implements PasswordResetMailer {

    private final List<PasswordResetMail> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(PasswordResetMail mail) {
        sent.add(mail);
    }

    public List<PasswordResetMail> sentTo(String email) {
        return sent.stream().filter(m -> m.email().equals(email)).toList();
    }
}
