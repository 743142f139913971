package io.ismsflow.notification;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationRepository extends MongoRepository<Notification, String> {

  List<Notification> findByGroupIn(Collection<String> groups, Sort sort);
}
