package io.switchboard.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;

/** Used until a real mailer bean exists. Logs that a mail was due, never the token itself. */
@DefaultBean
@ApplicationScoped
public class LoggingAccountMailer implements AccountMailer {

    private static final Logger LOG = Logger.getLogger(LoggingAccountMailer.class);

    @Override
    public void sendPasswordReset(PasswordResetMail mail) {
        LOG.infof("password reset issued for %s, valid until %s (no mailer configured: nothing was sent)",
                mail.email(), mail.expiresAt());
    }

    @Override
    public void sendEmailVerification(EmailVerificationMail mail) {
        LOG.infof("e-mail verification issued for %s, valid until %s (no mailer configured: nothing was sent)",
                mail.email(), mail.expiresAt());
    }
}
