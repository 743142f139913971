import { api } from './api.js';

/** Where in the portal a notification's subject is shown, from the API link it carries. */
const VIEWS = [
  [/^\/api\/board-reports/, '#/reports', 'Board reports'],
  [/^\/api\/(risk-reviews|risks)/, '#/risks', 'Risk register'],
  [/^\/api\/policies/, '#/policies', 'Policies'],
];

export function isUnread(notification, me) {
  return !notification.readBy.includes(me.username);
}

/**
 * The notifications of the person's groups, newest first; unread ones can be marked read. Each
 * time it has them, it hands them to onLoaded (the navigation's unread count).
 */
export async function renderNotifications(main, me, onLoaded) {
  const notifications = await api('/api/notifications');
  onLoaded(notifications);
  const unread = notifications.filter((n) => isUnread(n, me)).length;
  main.innerHTML = `
    <h1>Notifications</h1>
    <p class="muted" id="notification-count"></p>
    <ul class="notifications" id="notification-list"></ul>`;
  main.querySelector('#notification-count').textContent =
    notifications.length ? `${unread} unread of ${notifications.length}, for your groups ${me.groups.join(', ')}` : 'No notifications for your groups.';
  const list = main.querySelector('#notification-list');
  for (const notification of notifications) {
    const item = document.createElement('li');
    item.className = isUnread(notification, me) ? 'notification unread' : 'notification';
    const title = document.createElement('h2');
    title.textContent = notification.title;
    const text = document.createElement('p');
    text.textContent = notification.text;
    const meta = document.createElement('p');
    meta.className = 'task-meta';
    meta.textContent = `${new Date(notification.at).toLocaleString()} · to ${notification.group}${isUnread(notification, me) ? ' · unread' : ''}`;
    item.append(title, text, meta);
    const view = VIEWS.find(([pattern]) => pattern.test(notification.link || ''));
    if (view) {
      const link = document.createElement('a');
      link.href = view[1];
      link.textContent = `Open ${view[2]}`;
      item.append(link);
    }
    if (isUnread(notification, me)) {
      const read = document.createElement('button');
      read.type = 'button';
      read.className = 'link';
      read.textContent = 'Mark read';
      read.setAttribute('aria-label', `Mark read: ${notification.title}`);
      read.addEventListener('click', async () => {
        read.disabled = true;
        await api(`/api/notifications/${encodeURIComponent(notification.id)}/read`, { method: 'POST' });
        await renderNotifications(main, me, onLoaded);
        main.focus();
      });
      item.append(read);
    }
    list.append(item);
  }
}
