package io.switchboard.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;

/** Used until a real mailer bean exists. Logs that a reset was issued, never the token itself. */
@DefaultBean
@ApplicationScoped
public class LoggingPasswordResetMailer implements PasswordResetMailer {

    private static final Logger LOG = Logger.getLogger(LoggingPasswordResetMailer.class);

    @Override
    public void send(PasswordResetMail mail) {
        LOG.infof("password reset issued for %s, valid until %s (no mailer configured: nothing was sent)",
                mail.email(), mail.expiresAt());
    }
}
