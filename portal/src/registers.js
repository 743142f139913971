import { api, apiResponse } from './api.js';

const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    element.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  }
  return element;
}

function table(caption, headers, rows) {
  return el('table', { class: 'register' },
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.length ? rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))
      : el('tr', {}, el('td', { colspan: headers.length, class: 'muted' }, 'Nothing matches.'))));
}

function level(value) {
  return value ? el('span', { class: `level level-${value.toLowerCase()}` }, value) : '-';
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The risk register with its filters and the inherent and residual heat maps. */
export async function renderRisks(main) {
  const form = el('form', { class: 'filters', 'aria-label': 'Filter risks' },
    el('label', { for: 'f-level' }, 'Level'),
    el('select', { id: 'f-level', name: 'level' }, el('option', { value: '' }, 'any'), LEVELS.map((l) => el('option', { value: l }, l))),
    el('label', { for: 'f-levelOf' }, 'of'),
    el('select', { id: 'f-levelOf', name: 'levelOf' }, el('option', { value: 'inherent' }, 'inherent risk'), el('option', { value: 'residual' }, 'residual risk')),
    el('label', { for: 'f-owner' }, 'Owner'),
    el('input', { id: 'f-owner', name: 'owner', size: 12 }),
    el('label', { for: 'f-zone' }, 'Zone'),
    el('input', { id: 'f-zone', name: 'zone', size: 12, placeholder: 'e.g. Z3-Control' }),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'overdue', value: 'true' }), ' overdue only'),
    el('button', { type: 'submit', class: 'primary' }, 'Show'));
  const results = el('div', { id: 'risk-results', 'aria-live': 'polite' });
  main.replaceChildren(el('h1', {}, 'Risk register'), form, results);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  await show();

  async function show() {
    const filters = Object.fromEntries(new FormData(form).entries());
    const [risks, inherent, residual] = await Promise.all([
      api(`/api/risks${query(filters)}`),
      api(`/api/risks/heatmap${query({ ...filters, kind: 'inherent' })}`),
      api(`/api/risks/heatmap${query({ ...filters, kind: 'residual' })}`),
    ]);
    results.replaceChildren(
      el('p', { class: 'muted', id: 'risk-count' }, `${risks.length} risks`),
      el('div', { class: 'heatmaps' }, heatmap('Inherent', inherent), heatmap('Residual', residual)),
      table('Risks', ['Risk', 'Title', 'Owner', 'Inherent', 'Residual', 'Status', 'Next review'],
        risks.map((r) => [r.id, r.title, r.owner, el('span', {}, level(r.inherentLevel), ` ${r.inherentScore}`),
          r.residualLevel ? el('span', {}, level(r.residualLevel), ` ${r.residualScore}`) : '-', r.status, r.nextReviewDate || '-'])));
  }
}

/** A heat map as a real table: likelihood rows (highest first) by impact columns, each cell the risks' count. */
function heatmap(title, map) {
  const impacts = Array.from({ length: map.size }, (_, i) => i + 1);
  const likelihoods = impacts.slice().reverse();
  const cellOf = (likelihood, impact) => map.cells.find((c) => c.likelihood === likelihood && c.impact === impact);
  const grid = el('table', { class: 'heatmap' },
    el('caption', { class: 'visually-hidden' }, `${title} heat map: risks by likelihood (rows) and impact (columns)`),
    el('thead', {}, el('tr', {}, el('td', {}), impacts.map((impact) => el('th', { scope: 'col', title: `impact ${impact}` }, String(impact))))),
    el('tbody', {}, likelihoods.map((likelihood) => el('tr', {},
      el('th', { scope: 'row', title: `likelihood ${likelihood}` }, String(likelihood)),
      impacts.map((impact) => {
        const cell = cellOf(likelihood, impact);
        return el('td', { class: `cell level-${cell.level.toLowerCase()}`, title: `likelihood ${likelihood}, impact ${impact}: ${cell.count} risks (${cell.level})` },
          cell.count ? String(cell.count) : el('span', { class: 'visually-hidden' }, '0'),
          el('span', { class: 'visually-hidden' }, ` (${cell.level})`));
      })))));
  return el('figure', { class: 'heatmap-figure' }, el('figcaption', {}, `${title} (rows: likelihood ${map.size} at the top; columns: impact 1 to ${map.size})`), grid,
    el('p', { class: 'muted small' }, `${map.total} rated, ${map.notRated} not rated; appetite up to ${map.appetite}`));
}

/** The assets, IT and OT, by zone. */
export async function renderAssets(main) {
  const form = el('form', { class: 'filters', 'aria-label': 'Filter assets' },
    el('label', { for: 'a-domain' }, 'Domain'),
    el('select', { id: 'a-domain', name: 'domain' }, el('option', { value: '' }, 'IT and OT'), el('option', { value: 'IT' }, 'IT'), el('option', { value: 'OT' }, 'OT')),
    el('label', { for: 'a-zone' }, 'Zone'),
    el('input', { id: 'a-zone', name: 'zone', size: 12 }),
    el('button', { type: 'submit', class: 'primary' }, 'Show'));
  const results = el('div', { 'aria-live': 'polite' });
  main.replaceChildren(el('h1', {}, 'Assets'), form, results);
  const show = async () => {
    const assets = await api(`/api/assets${query(Object.fromEntries(new FormData(form).entries()))}`);
    results.replaceChildren(el('p', { class: 'muted', id: 'asset-count' }, `${assets.length} assets`),
      table('Assets', ['Asset', 'Name', 'Type', 'Domain', 'Zone', 'Owner', 'SL-T'],
        assets.map((a) => [a.id, a.name, a.type, a.domain, a.zone || '-', a.owner, a.securityLevelTarget ?? '-'])));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  await show();
}

/** The policies; one opened shows its versions and the differences between two of them. */
export async function renderPolicies(main) {
  const policies = await api('/api/policies');
  const detail = el('section', { id: 'policy-detail', 'aria-live': 'polite' });
  main.replaceChildren(el('h1', {}, 'Policies'),
    table('Policies', ['Policy', 'Title', 'Status', 'Owner', 'Next review'],
      policies.map((p) => [el('button', { type: 'button', class: 'link', 'data-policy': p.id, onclick: () => open(p.id) }, p.id), p.title, p.status, p.owner, p.nextReviewDate || '-'])),
    detail);

  async function open(id) {
    const versions = await api(`/api/policies/${encodeURIComponent(id)}/versions`);
    const diffView = el('div', { class: 'diff', id: 'policy-diff' });
    const options = () => versions.map((v) => el('option', { value: v.number }, `version ${v.number} (${v.status})`));
    const from = el('select', { id: 'diff-from' }, options());
    const to = el('select', { id: 'diff-to' }, options());
    if (versions.length > 1) to.value = String(versions[versions.length - 1].number);
    const compare = el('form', { class: 'filters', 'aria-label': 'Compare versions' },
      el('label', { for: 'diff-from' }, 'Compare'), from, el('label', { for: 'diff-to' }, 'with'), to,
      el('button', { type: 'submit' }, 'Show differences'));
    compare.addEventListener('submit', async (event) => {
      event.preventDefault();
      const lines = await api(`/api/policies/${encodeURIComponent(id)}/diff?from=${from.value}&to=${to.value}`);
      diffView.replaceChildren(...lines.map((l) => el('div', { class: `line op-${l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'same'}` },
        `${l.op === '=' ? ' ' : l.op} ${l.text}`)));
    });
    detail.replaceChildren(el('h2', {}, `${id}: versions`),
      table('Versions', ['Version', 'Status', 'Author', 'Change', 'SHA-256'],
        versions.map((v) => [String(v.number), v.status, v.author, v.changeSummary || '-', v.sha256 ? `${v.sha256.slice(0, 16)}...` : '-'])),
      compare, diffView);
  }
}

/** The board reports with their PDFs. */
const STEP_NAMES = { WriteCommentaryTask: 'CISO commentary', SignOffReportTask: 'executive sign-off', RecordBoardDecisionsTask: 'board decisions' };

export async function renderReports(main) {
  const reports = await api('/api/board-reports');
  main.replaceChildren(el('h1', {}, 'Board reports'),
    table('Board reports', ['Report', 'Period', 'Status', 'Versions', 'Escalated', 'PDF'],
      reports.map((r) => [r.id, `${r.periodFrom} to ${r.periodTo}`, r.status, String(r.versions),
        (r.escalatedSteps || []).map((s) => STEP_NAMES[s] || s).join(', ') || '-',
        el('span', {},
          r.versions ? el('button', { type: 'button', class: 'link', onclick: () => download(`/api/board-reports/${r.id}/latest.pdf`, `${r.id}-latest.pdf`) }, 'latest') : '',
          r.finalVersion ? el('button', { type: 'button', class: 'link', onclick: () => download(`/api/board-reports/${r.id}/final.pdf`, `${r.id}.pdf`) }, 'final') : '')])));
}

async function download(path, name) {
  const url = URL.createObjectURL(await (await apiResponse(path)).blob());
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The audit trail for auditors: the chain check and the last week's entries. */
export async function renderAudit(main) {
  const since = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
  const [verification, entries] = await Promise.all([api('/api/audit/verify'), api(`/api/audit/entries?from=${encodeURIComponent(since)}`)]);
  const intact = verification.intact;
  main.replaceChildren(el('h1', {}, 'Audit trail'),
    el('p', { id: 'audit-verification', class: intact ? 'ok' : 'error' },
      intact ? `Hash chain intact: ${verification.entriesChecked} entries checked.` : `Hash chain BROKEN at entry ${verification.firstBrokenSequence}: ${verification.problem}`),
    table('Audit entries', ['When', 'Who', 'Action', 'Subject'],
      entries.slice(-200).reverse().map((e) => [e.at, e.actor, e.action, `${e.subjectType || ''} ${e.subjectId || ''}`])));
}
