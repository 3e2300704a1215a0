package org.oko.scheduling.internal.notify;

import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.oko.scheduling.internal.SchedulingSettings;

/** Plain-text e-mail through the configured SMTP server. */
final class Mailer {

    private final SchedulingSettings.Config config;

    Mailer(SchedulingSettings.Config config) {
        this.config = config;
    }

    void send(String to, String subject, String text) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.mail_host());
        properties.put("mail.smtp.port", String.valueOf(config.mail_port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(config.mail_starttls()));
        boolean auth = !config.mail_username().isBlank();
        properties.put("mail.smtp.auth", String.valueOf(auth));
        // javax.mail finds its providers through the thread's context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(config.mail_from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            if (auth) {
                Transport.send(message, config.mail_username(), config.mail_password());
            } else {
                Transport.send(message);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
