package org.oko.scheduling.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oko.scheduling.internal.SchedulingSettings;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/** Reminder e-mail through a real SMTP server on loopback. */
class MailerTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void sendsRussianSubjectAndBodyToTheRecipient() throws Exception {
        new Mailer(config(Map.of())).send("school@example.org", "ОКО: срок формы 1 — 01.04.2026",
                "Заполните форму до 01.04.2026.\n\nhttp://localhost:8181/#/campaigns/miac-2026");

        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertEquals("ОКО: срок формы 1 — 01.04.2026", message.getSubject());
        assertEquals("school@example.org", ((InternetAddress) message.getAllRecipients()[0]).getAddress());
        assertEquals("oko@region.example", ((InternetAddress) message.getFrom()[0]).getAddress());
        assertTrue(message.getContentType().toLowerCase().contains("utf-8"), message.getContentType());
        assertTrue(((String) message.getContent()).contains("Заполните форму до 01.04.2026."), GreenMailUtil.getBody(message));
    }

    @Test
    void logsInWhenAUserNameIsConfigured() throws Exception {
        smtp.setUser("oko@region.example", "oko-mailer", "s3cret");
        new Mailer(config(Map.of("mail_username", "oko-mailer", "mail_password", "s3cret")))
                .send("founder@example.org", "ОКО: напоминание", "Текст");

        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        assertEquals("ОКО: напоминание", smtp.getReceivedMessages()[0].getSubject());
    }

    @Test
    void aWrongPasswordIsAnErrorNotASilentLoss() {
        smtp.setUser("oko@region.example", "oko-mailer", "s3cret");
        assertThrows(MessagingException.class, () -> new Mailer(config(Map.of("mail_username", "oko-mailer", "mail_password", "wrong")))
                .send("founder@example.org", "ОКО: напоминание", "Текст"));
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    /** The settings as ConfigAdmin would hand them over: defaults, this server, and the given overrides. */
    private SchedulingSettings.Config config(Map<String, Object> overrides) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of(
                "mail_host", "127.0.0.1",
                "mail_port", smtp.getSmtp().getPort(),
                "mail_from", "oko@region.example"));
        values.putAll(overrides);
        return (SchedulingSettings.Config) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchedulingSettings.Config.class}, (proxy, method, args) ->
                        values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }
}
