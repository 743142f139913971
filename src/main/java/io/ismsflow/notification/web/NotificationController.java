package io.ismsflow.notification.web;

import io.ismsflow.identity.CurrentUser;
import io.ismsflow.notification.Notification;
import io.ismsflow.notification.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "What the groups you are in should know, e.g. escalations")
class NotificationController {

  private final Notifications notifications;
  private final CurrentUser currentUser;

  NotificationController(Notifications notifications, CurrentUser currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "Notifications of your groups, newest first")
  List<Notification> mine() {
    return notifications.forUser(currentUser.get());
  }

  @PostMapping("/{id}/read")
  @Operation(summary = "Mark a notification read for you")
  ResponseEntity<Void> read(@PathVariable String id) {
    notifications.markRead(currentUser.get(), id);
    return ResponseEntity.noContent().build();
  }
}
