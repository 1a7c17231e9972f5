package api.pantheon.payments.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/** Sends a payment request by email through the SMTP server of {@code payments.channels.email.*}. */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Inject
    Config config;

    @Inject
    Clock clock;

    public DeliveryOutcome send(String mailto, String subject, String text) {
        Instant start = clock.instant();
        long began = System.nanoTime();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.getValue("payments.channels.email.smtp-host", String.class));
        properties.put("mail.smtp.port", config.getOptionalValue("payments.channels.email.smtp-port", String.class).orElse("25"));
        properties.put("mail.smtp.connectiontimeout", "3000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress(config.getOptionalValue("payments.channels.email.from", String.class)
                    .orElse("payments@localhost")));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mailto.substring("mailto:".length())));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            Transport.send(message);
            return new DeliveryOutcome(start, null, null, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        } catch (MessagingException e) {
            // The log shows what the mail server said; the delivery log only that it failed.
            LOG.log(Level.INFO, "Mail to a recipient failed", e);
            return new DeliveryOutcome(start, null, "the mail server refused or could not be reached",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        }
    }
}
