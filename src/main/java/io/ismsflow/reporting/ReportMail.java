package io.ismsflow.reporting;

import jakarta.mail.MessagingException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends the final report by mail, when an SMTP server is configured ({@code spring.mail.host}). */
@Component
class ReportMail {

  private final ObjectProvider<JavaMailSender> sender;

  ReportMail(ObjectProvider<JavaMailSender> sender) {
    this.sender = sender;
  }

  boolean isConfigured() {
    return sender.getIfAvailable() != null;
  }

  /** Sends one mail with the PDF attached; the problem in plain words when it could not be sent. */
  Optional<String> send(String from, String to, String subject, String text, String fileName, byte[] pdf) {
    var mailer = sender.getIfAvailable();
    if (mailer == null) {
      return Optional.of("no SMTP server is configured (spring.mail.host)");
    }
    try {
      var message = mailer.createMimeMessage();
      var helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(text);
      helper.addAttachment(fileName, new ByteArrayResource(pdf), "application/pdf");
      mailer.send(message);
      return Optional.empty();
    } catch (MessagingException | MailException e) {
      return Optional.of("sending failed: " + e.getMessage());
    }
  }
}
