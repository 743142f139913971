import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { api, apiResponse, dueDateOf } from './api.js';

const STEP_TYPES = new Set(['USER_TASK', 'SERVICE_TASK', 'RECEIVE_TASK', 'INTERMEDIATE_CATCH_EVENT', 'CALL_ACTIVITY', 'EVENT_BASED_GATEWAY']);
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Managers: the running ISMS cycles, where each stands, who holds it and for how long; one drawn. */
export async function renderCockpit(main) {
  main.innerHTML = `
    <div class="list-head">
      <h1>Process cockpit</h1>
      <p class="links" id="links"></p>
    </div>
    <table class="cycles">
      <caption class="visually-hidden">Running ISMS cycles</caption>
      <thead><tr><th scope="col">Cycle</th><th scope="col">Current step</th><th scope="col">Held by</th><th scope="col">For</th><th scope="col">Due</th><th scope="col">Incidents</th></tr></thead>
      <tbody id="cycles"></tbody>
    </table>
    <section id="instance" aria-live="polite"></section>`;
  // taken before any await: a second render may replace the page meanwhile
  const body = main.querySelector('#cycles');
  const linksElement = main.querySelector('#links');
  const [instances, tasks, links] = await Promise.all([
    api('/api/process-instances?state=ACTIVE'),
    api('/api/tasks'),
    api('/api/engine/links'),
  ]);
  if (links.operate) linksElement.append(link('Camunda Operate', links.operate));
  if (links.tasklist) linksElement.append(link('Camunda Tasklist', links.tasklist));
  if (instances.length === 0) {
    body.innerHTML = '<tr><td colspan="6" class="muted">No ISMS cycle is running.</td></tr>';
  }
  for (const instance of instances) {
    const steps = instance.activeElements.filter((e) => STEP_TYPES.has(e.elementType));
    const open = tasks.filter((t) => t.processInstanceKey === instance.key);
    const oldest = steps.map((s) => new Date(s.since)).sort((a, b) => a - b)[0];
    const overdue = open.some((t) => t.dueDate && dueDateOf(t) < new Date());
    const row = document.createElement('tr');
    row.innerHTML = `
      <td><button type="button" class="link cycle"></button><div class="muted small"></div></td>
      <td></td><td></td><td></td><td></td><td></td>`;
    const cells = row.querySelectorAll('td');
    const button = cells[0].querySelector('button');
    button.textContent = instance.processName || instance.bpmnProcessId;
    button.dataset.key = instance.key;
    button.addEventListener('click', () => showInstance(main.querySelector('#instance'), instance.key, body, button));
    cells[0].querySelector('div').textContent = `${instance.key} · started ${DATE.format(new Date(instance.startedAt))}`;
    cells[1].textContent = steps.map((s) => s.name).join(', ') || '-';
    cells[2].textContent = open.map((t) => t.assignee || `group ${t.candidateGroups.join(', ')}`).join('; ') || (steps.length ? 'the engine' : '-');
    cells[3].textContent = oldest ? duration(new Date() - oldest) : '-';
    cells[4].innerHTML = overdue ? '<span class="badge overdue">Overdue</span>' : open.some((t) => t.dueDate) ? 'on time' : '-';
    cells[5].innerHTML = instance.incidents.length ? `<span class="badge overdue">${instance.incidents.length}</span>` : '0';
    body.append(row);
  }
}

async function showInstance(section, key, body, button) {
  body.querySelectorAll('button.cycle').forEach((b) => b.setAttribute('aria-current', String(b === button)));
  section.innerHTML = '<p class="muted">Loading...</p>';
  const instance = await api(`/api/process-instances/${key}`);
  const xml = await fetchXml(instance.bpmnProcessId);
  section.innerHTML = `
    <h2 id="instance-title"></h2>
    <p class="muted" id="instance-meta"></p>
    <figure class="diagram-figure" aria-labelledby="instance-title"><div class="diagram" id="diagram"></div></figure>
    <ul class="legend"><li><span class="swatch active"></span>current</li><li><span class="swatch completed"></span>done</li><li><span class="swatch incident"></span>incident</li></ul>
    <div id="incidents"></div>`;
  section.querySelector('#instance-title').textContent = `${instance.processName || instance.bpmnProcessId} ${instance.key}`;
  section.querySelector('#instance-meta').textContent =
    `Current: ${instance.activeElements.map((e) => e.name).join(', ') || 'none'} · ${instance.completedElementIds.length} steps done`;
  const viewer = new NavigatedViewer({ container: section.querySelector('#diagram') });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport');
  const mark = (id, marker) => {
    if (registry.get(id)) canvas.addMarker(id, marker);
  };
  instance.completedElementIds.forEach((id) => mark(id, 'cockpit-completed'));
  instance.activeElements.forEach((e) => mark(e.elementId, 'cockpit-active'));
  instance.incidents.forEach((i) => mark(i.elementId, 'cockpit-incident'));
  const incidents = section.querySelector('#incidents');
  for (const incident of instance.incidents) {
    const item = document.createElement('p');
    item.className = 'error';
    item.textContent = `Incident at ${incident.elementId}: ${incident.errorMessage.split('\n')[0]}`;
    incidents.append(item);
  }
}

async function fetchXml(bpmnProcessId) {
  return (await apiResponse(`/api/processes/${encodeURIComponent(bpmnProcessId)}/xml`)).text();
}

function link(text, href) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.target = '_blank';
  a.rel = 'noopener';
  return a;
}

function duration(millis) {
  const minutes = Math.floor(millis / 60000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
