import { Form } from '@bpmn-io/form-js-viewer';
import { api, ApiError, dueDateOf } from './api.js';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The signed-in person's tasks and their groups' tasks, soonest due first; one open at a time. */
export async function renderInbox(main, me) {
  main.innerHTML = `
    <h1 class="visually-hidden">Task inbox</h1>
    <div class="inbox">
      <section class="task-list" aria-labelledby="tasks-title">
        <div class="list-head">
          <h2 id="tasks-title">Tasks</h2>
          <button type="button" id="refresh" class="link">Refresh</button>
        </div>
        <ul id="tasks" aria-describedby="tasks-title"></ul>
      </section>
      <section class="task-detail" id="detail" aria-live="polite">
        <p class="muted">Choose a task to open its form.</p>
      </section>
    </div>`;
  const list = main.querySelector('#tasks');
  // tasks completed here; the journal may list them as open for a moment longer
  const completed = new Set();
  const detail = main.querySelector('#detail');
  main.querySelector('#refresh').addEventListener('click', () => load());
  await load();

  async function load(openKey) {
    const tasks = sortByDue(await api('/api/tasks')).filter((t) => !completed.has(String(t.key)));
    list.innerHTML = '';
    if (tasks.length === 0) {
      list.innerHTML = '<li class="muted">No open tasks for you or your groups.</li>';
    }
    for (const task of tasks) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'task';
      button.dataset.key = task.key;
      const overdue = isOverdue(task);
      button.innerHTML = `
        <span class="task-name"></span>
        <span class="task-meta"></span>
        ${overdue ? '<span class="badge overdue">Overdue</span>' : ''}`;
      button.querySelector('.task-name').textContent = task.name;
      button.querySelector('.task-meta').textContent = [
        task.bpmnProcessId.replace(/Process$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        task.dueDate ? `due ${DATE.format(dueDateOf(task))}` : 'no due date',
        task.assignee ? (task.assignee === me.username ? 'assigned to you' : `assigned to ${task.assignee}`) : `group: ${task.candidateGroups.join(', ') || 'none'}`,
      ].join(' · ');
      button.addEventListener('click', () => open(task.key));
      item.append(button);
      list.append(item);
    }
    if (openKey && tasks.some((t) => String(t.key) === String(openKey))) {
      await open(openKey);
    }
  }

  async function open(key) {
    list.querySelectorAll('.task').forEach((b) => b.setAttribute('aria-current', String(b.dataset.key === String(key))));
    detail.innerHTML = '<p class="muted">Loading...</p>';
    const task = await api(`/api/tasks/${key}`);
    const [schema, variables] = await Promise.all([
      task.formId ? api(`/api/tasks/${key}/form`) : Promise.resolve(null),
      api(`/api/tasks/${key}/variables`),
    ]);
    detail.innerHTML = `
      <div class="detail-head">
        <h2 id="task-title"></h2>
        <div class="actions"></div>
      </div>
      <p class="muted" id="task-meta"></p>
      <div class="error-summary" id="errors" role="alert" tabindex="-1" hidden></div>
      <div id="form"></div>
      <div class="submit-row"><button type="button" class="primary" id="complete">Complete task</button></div>`;
    detail.querySelector('#task-title').textContent = task.name;
    detail.querySelector('#task-meta').textContent =
      `${task.dueDate ? `Due ${DATE.format(dueDateOf(task))}${isOverdue(task) ? ' (overdue)' : ''}` : 'No due date'} · ` +
      (task.assignee ? `assigned to ${task.assignee}` : `offered to ${task.candidateGroups.join(', ')}`);
    const actions = detail.querySelector('.actions');
    if (!task.assignee) {
      actions.append(actionButton('Claim', async () => {
        await api(`/api/tasks/${key}/claim`, { method: 'POST' });
        toast('Task claimed');
        await load(key);
      }));
    } else if (task.assignee === me.username) {
      actions.append(actionButton('Unclaim', async () => {
        await api(`/api/tasks/${key}/unclaim`, { method: 'POST' });
        toast('Task returned to the group');
        await load(key);
      }));
    }
    const errors = detail.querySelector('#errors');
    let form = null;
    if (schema) {
      // no debouncing of typed input: "Complete task" right after typing must see every key
      form = new Form({ container: detail.querySelector('#form'), debounce: false });
      await form.importSchema(schema, variables);
    } else {
      detail.querySelector('#form').innerHTML = '<p class="muted">This task has no form: complete it when the work is done.</p>';
    }
    detail.querySelector('#complete').addEventListener('click', async (event) => {
      const button = event.currentTarget;
      clearServerErrors(detail, errors);
      let data = {};
      if (document.activeElement instanceof HTMLElement) {
        document.activeElement.blur(); // form-js takes a field's last input on blur
      }
      if (form) {
        const result = form.submit();
        if (Object.keys(result.errors).length > 0) {
          showSummary(errors, ['Check the marked fields.']);
          return;
        }
        data = onlyFormFields(schema, result.data);
      }
      button.disabled = true;
      try {
        await api(`/api/tasks/${key}/complete`, { method: 'POST', json: { variables: data } });
        completed.add(String(key));
        toast(`"${task.name}" completed`);
        detail.innerHTML = '<p class="muted">Task completed. Choose the next one.</p>';
        await load();
      } catch (failure) {
        // the form keeps everything typed: nothing is lost on a refused completion
        button.disabled = false;
        showServerErrors(detail, errors, schema, failure);
      }
    });
  }
}

function actionButton(label, action) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await action();
    } catch (failure) {
      toast(failure.message, true);
      button.disabled = false;
    }
  });
  return button;
}

function sortByDue(tasks) {
  return [...tasks].sort((a, b) => {
    if (!a.dueDate && !b.dueDate) return a.key - b.key;
    if (!a.dueDate) return 1;
    if (!b.dueDate) return -1;
    return dueDateOf(a) - dueDateOf(b);
  });
}

function isOverdue(task) {
  return Boolean(task.dueDate) && dueDateOf(task) < new Date();
}


/** The values of the form's own input fields (form-js also returns the prefill it was given). */
function onlyFormFields(schema, data) {
  const keys = new Set();
  const walk = (components) => (components || []).forEach((c) => {
    if (c.key && c.type !== 'text') keys.add(c.key);
    walk(c.components);
  });
  walk(schema.components);
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => keys.has(key) && value !== undefined && value !== null && value !== ''));
}

function clearServerErrors(detail, errors) {
  errors.hidden = true;
  errors.innerHTML = '';
  detail.querySelectorAll('.server-error').forEach((e) => e.remove());
}

function showSummary(errors, messages) {
  errors.innerHTML = '';
  const list = document.createElement('ul');
  for (const message of messages) {
    const item = document.createElement('li');
    item.textContent = message;
    list.append(item);
  }
  errors.append(list);
  errors.hidden = false;
  errors.focus();
}

/** The server's reasons, each next to its field where the form has it, and in the summary. */
function showServerErrors(detail, errors, schema, failure) {
  const problems = failure instanceof ApiError ? failure.problems : [];
  const messages = [failure.message];
  for (const problem of problems) {
    const component = findComponent(schema, problem.field);
    const input = component && detail.querySelector(`[id$="-${CSS.escape(component.id)}"]`);
    if (input) {
      const note = document.createElement('div');
      note.className = 'server-error';
      note.id = `server-error-${component.id}`;
      note.textContent = problem.message;
      input.closest('.fjs-form-field').append(note);
      input.setAttribute('aria-describedby', note.id);
      input.setAttribute('aria-invalid', 'true');
    }
    messages.push(`${component?.label || problem.field}: ${problem.message}`);
  }
  showSummary(errors, messages);
}

function findComponent(schema, key) {
  let found = null;
  const walk = (components) => (components || []).forEach((c) => {
    if (c.key === key) found = c;
    walk(c.components);
  });
  walk(schema && schema.components);
  return found;
}

export function toast(message, isError = false) {
  const element = document.getElementById('toast');
  element.textContent = message;
  element.className = isError ? 'show error' : 'show';
  clearTimeout(element.hideTimer);
  element.hideTimer = setTimeout(() => (element.className = ''), 4000);
}
