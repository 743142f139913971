package io.ismsflow.notification;

import io.ismsflow.identity.IsmsUser;
import io.ismsflow.platform.RequestRefusedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Notifications to the groups of the ISMS (the CISO group, say), shown to their members in the app.
 * Mail can follow when an SMTP server is configured; the record here is what counts.
 */
@Service
public class Notifications {

  private final NotificationRepository notifications;
  private final Clock clock;

  Notifications(NotificationRepository notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Notifies a group once per id: a second call with the same id changes nothing. */
  public void notify(String id, String group, String title, String text, String link) {
    if (notifications.existsById(id)) {
      return;
    }
    notifications.save(new Notification(id, group, title, text, link, clock.instant(), List.of()));
  }

  /** The notifications of the person's groups, newest first, with whether they have read each. */
  public List<Notification> forUser(IsmsUser user) {
    return notifications.findByGroupIn(user.groups(), Sort.by(Sort.Direction.DESC, "at"));
  }

  public void markRead(IsmsUser user, String id) {
    var notification =
        notifications.findById(id).orElseThrow(() -> RequestRefusedException.notFound("There is no notification " + id));
    if (!user.groups().contains(notification.group())) {
      throw RequestRefusedException.forbidden("This notification is for the group " + notification.group());
    }
    if (notification.readBy().contains(user.username())) {
      return;
    }
    var readBy = new ArrayList<>(notification.readBy());
    readBy.add(user.username());
    notifications.save(
        new Notification(
            notification.id(), notification.group(), notification.title(), notification.text(), notification.link(), notification.at(), readBy));
  }
}
