import './style.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import {
  api,
  ApiError,
  beginProviderSignIn,
  completeProviderSignIn,
  isProviderAnswer,
  signIn,
  signInOptions,
  signOut,
  signedIn,
} from './api.js';
import { renderInbox } from './inbox.js';
import { renderCockpit } from './cockpit.js';
import { isUnread, renderNotifications } from './notifications.js';
import { renderAssets, renderAudit, renderPolicies, renderReports, renderRisks } from './registers.js';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

const main = document.getElementById('main');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
const nav = document.querySelector('nav');

signOutButton.addEventListener('click', async () => {
  if (!(await signOut())) {
    route();
  }
});
window.addEventListener('hashchange', route);
start();

async function start() {
  try {
    await signInOptions();
  } catch (error) {
    showError(error);
    return;
  }
  if (isProviderAnswer()) {
    try {
      await completeProviderSignIn();
    } catch (failure) {
      renderSignIn(`Sign-in failed: ${failure.message}`);
      return;
    }
  }
  route();
}

async function route() {
  if (!signedIn()) {
    who.textContent = '';
    signOutButton.hidden = true;
    nav.hidden = true;
    renderSignIn();
    return;
  }
  try {
    const me = await api('/api/me');
    who.textContent = `${me.displayName} (${me.groups.join(', ')})`;
    signOutButton.hidden = false;
    nav.hidden = false;
    const inAny = (...groups) => me.groups.some((g) => groups.includes(g));
    const manager = inAny('ciso', 'admin', 'auditor', 'executive');
    const reportReader = inAny('ciso', 'executive', 'board-secretary', 'auditor', 'admin');
    const auditor = inAny('auditor', 'admin', 'ciso');
    document.getElementById('nav-cockpit').hidden = !manager;
    document.getElementById('nav-reports').hidden = !reportReader;
    document.getElementById('nav-audit').hidden = !auditor;
    const showUnread = (notifications) => showUnreadCount(me, notifications);
    const views = {
      '#/notifications': () => renderNotifications(main, me, showUnread),
      '#/cockpit': manager && (() => renderCockpit(main)),
      '#/risks': () => renderRisks(main),
      '#/assets': () => renderAssets(main),
      '#/policies': () => renderPolicies(main),
      '#/reports': reportReader && (() => renderReports(main)),
      '#/audit': auditor && (() => renderAudit(main)),
    };
    const view = views[location.hash] || (() => renderInbox(main, me));
    document.querySelectorAll('nav a').forEach((a) => a.setAttribute('aria-current', String(a.getAttribute('href') === (location.hash || '#/inbox'))));
    // the notifications view counts what it loads; every other view needs the count fetched
    await Promise.all([view(), location.hash === '#/notifications' || showUnread()]);
    main.focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      renderSignIn('Your session ended; sign in again.');
      return;
    }
    showError(error);
  }
}

/** The number of unread notifications in the navigation; a failure there must not stop the page. */
async function showUnreadCount(me, loaded) {
  const link = document.getElementById('nav-notifications');
  try {
    const unread = (loaded || (await api('/api/notifications'))).filter((n) => isUnread(n, me)).length;
    link.textContent = unread ? `Notifications (${unread})` : 'Notifications';
    link.setAttribute('aria-label', unread ? `Notifications, ${unread} unread` : 'Notifications');
  } catch {
    link.textContent = 'Notifications';
  }
}

function showError(error) {
  main.innerHTML = '';
  const message = document.createElement('p');
  message.className = 'error';
  message.setAttribute('role', 'alert');
  message.textContent = `The portal could not load: ${error.message}`;
  main.append(message);
}

async function renderSignIn(notice) {
  const options = await signInOptions();
  if (options.mode === 'oidc') {
    renderProviderSignIn(notice);
    return;
  }
  main.innerHTML = `
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to ISMS Flow</h1>
      <form id="sign-in-form" novalidate>
        <label for="username">User name</label>
        <input id="username" name="username" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p class="error" id="sign-in-error" role="alert"></p>
        <button type="submit" class="primary">Sign in</button>
      </form>
    </section>`;
  const error = document.getElementById('sign-in-error');
  error.textContent = notice || '';
  const form = document.getElementById('sign-in-form');
  document.getElementById('username').focus();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = form.username.value.trim();
    const password = form.password.value;
    if (!username || !password) {
      error.textContent = 'Enter your user name and password.';
      return;
    }
    try {
      await signIn(username, password);
      if (location.hash !== '#/inbox') {
        location.hash = '#/inbox'; // routes on hashchange
      } else {
        route();
      }
    } catch (failure) {
      error.textContent =
        failure.status === 401 ? 'The user name or password is wrong.' : failure.status === 429 ? failure.message : `Sign-in failed: ${failure.message}`;
    }
  });
}

/** OIDC: the identity provider asks for the password (and a second factor, if it has one). */
function renderProviderSignIn(notice) {
  main.innerHTML = `
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to ISMS Flow</h1>
      <p>You sign in with your organisation's account, at its identity provider.</p>
      <p class="error" id="sign-in-error" role="alert"></p>
      <button type="button" class="primary" id="provider-sign-in">Sign in</button>
    </section>`;
  const error = document.getElementById('sign-in-error');
  error.textContent = notice || '';
  const button = document.getElementById('provider-sign-in');
  button.focus();
  button.addEventListener('click', async () => {
    button.disabled = true;
    error.textContent = '';
    try {
      await beginProviderSignIn(); // leaves the page
    } catch (failure) {
      error.textContent = `Sign-in is not possible: ${failure.message}`;
      button.disabled = false;
    }
  });
}
