// The event page (#event/ID): headline values with their rules, the
// discrepancy table source by source, the verification status and why, and
// every source document with the facts' sentences highlighted.
import { el, safeURL, typeInfo, dateText } from './dom.js';
import { fetchEvent, fetchDocument } from './api.js';

const QUAL = { approx: '~', at_least: '≥', at_most: '≤', more_than: '>', less_than: '<' };

// showEvent renders event id into container and returns when the event
// itself is shown (documents keep loading after).
export async function showEvent(container, id) {
  container.replaceChildren(el('p', { class: 'loading' }, 'Loading event…'));
  let data;
  try {
    data = await fetchEvent(id);
  } catch (err) {
    container.replaceChildren(backLink(), el('p', { class: 'error', role: 'alert' }, `Could not load event ${id}: ${err.message}`));
    return;
  }
  const ev = data.event;
  const docs = data.documents || [];
  const reports = data.reports || [];
  const t = typeInfo(ev.type);
  const places = (ev.locations || []).map((l) => [l.name, l.admin1].filter(Boolean).join(', ')).filter(Boolean);
  document.title = `${t.label} · ${places[0] || ev.id} · sitrep`;

  const heading = el('h2', { tabindex: '-1' },
    el('span', { class: `type type-${t.id}` }, t.label), ` ${places[0] || 'unknown place'} · ${dateText(ev.date)}`);
  container.replaceChildren(
    backLink(),
    heading,
    facts(ev),
    status(ev),
    headlines(ev),
    discrepancies(ev, docs),
    explanation(data.explanation),
    el('h3', {}, `Sources (${docs.length})`),
    el('p', { class: 'hint' }, 'Highlighted: the sentence each report was read from. Marked: the words of each extracted fact.'),
    ...docs.map((d) => documentSection(d, ev, reports)),
  );
  heading.focus();
}

function backLink() {
  return el('p', {}, el('a', { href: '#', class: 'back', 'data-back': '' }, '← Back to the map'));
}

function facts(ev) {
  const dl = el('dl', { class: 'facts' });
  const row = (k, v) => v && dl.append(el('dt', {}, k), el('dd', {}, v));
  row('Date', `${dateText(ev.date)}${ev.date && ev.date.basis ? ` (${ev.date.basis})` : ''}`);
  row('Places', (ev.locations || []).map((l) => [l.name, l.admin1, l.country].filter(Boolean).join(', ')).join('; '));
  row('Attacker', ev.attacker && [ev.attacker.side, ev.attacker.name].filter(Boolean).join(' · '));
  row('Weapons', (ev.weapons || []).join(', '));
  row('Independent sources', `${ev.independent_sources} (${(ev.publishers || []).join(', ') || 'no publisher named'})`);
  row('Reports', String((ev.reports || []).length));
  row('Event ID', ev.id);
  return dl;
}

function status(ev) {
  return el('p', { class: 'status' },
    el('span', { class: `badge status-${ev.status}` }, ev.status || 'unknown'), ' ',
    ev.status_reason || 'No reason recorded.');
}

// quantity renders a headline or source value: "≥47", "~550", "10–12".
function quantity(v, qualifier, max) {
  if (v == null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  const s = `${QUAL[qualifier] || ''}${v}`;
  return max ? `${s}–${max}` : s;
}

function headlines(ev) {
  const entries = Object.entries(ev.headline || {});
  if (!entries.length) return el('p', {}, 'No headline figures.');
  return el('table', { class: 'headline' },
    el('caption', {}, 'Headline values'),
    el('thead', {}, el('tr', {}, ['Field', 'Value', 'Rule', 'Reports'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, entries.map(([field, h]) => el('tr', {},
      el('th', { scope: 'row' }, field),
      el('td', { class: 'num' }, quantity(h.value, h.qualifier, h.max)),
      el('td', {}, h.rule),
      el('td', { class: 'num' }, String((h.reports || []).length))))));
}

function discrepancies(ev, docs) {
  const list = ev.discrepancies || [];
  if (!list.length) return el('p', { class: 'agree' }, 'The sources agree on every figure.');
  const byDoc = new Map(docs.map((d) => [d.id, d]));
  return el('section', { class: 'discrepancies' },
    el('h3', {}, 'Where the sources disagree'),
    list.map((d) => el('table', { class: 'discrepancy' },
      el('caption', {}, d.field),
      el('thead', {}, el('tr', {}, ['Value', 'Publisher', 'Claimant', 'Document'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, (d.values || []).map((v) => {
        const doc = byDoc.get(v.doc);
        return el('tr', {},
          el('td', { class: 'num' }, quantity(v.value, v.qualifier)),
          el('td', {}, v.publisher || (doc && doc.publisher) || '—'),
          el('td', {}, v.attributed_to || '—'),
          el('td', {}, docLinks(v.doc, doc)));
      })))));
}

// docLinks jumps to the document's section below and, when it has a safe
// URL, links to the original.
function docLinks(id, doc) {
  const jump = el('button', { type: 'button', class: 'link', onclick: () => {
    const target = document.getElementById(`doc-${id}`);
    if (target) { target.scrollIntoView({ behavior: 'smooth' }); target.focus(); }
  } }, (doc && doc.title) || id);
  const href = doc && safeURL(doc.url);
  return href ? [jump, ' ', el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, '↗ original')] : jump;
}

function explanation(x) {
  if (!x || !Object.keys(x).length) return null;
  return el('details', { class: 'explanation' },
    el('summary', {}, 'Why these reports were merged'),
    el('pre', {}, JSON.stringify(x, null, 2)));
}

function documentSection(d, ev, reports) {
  const href = safeURL(d.url);
  const body = el('div', { class: 'doctext' }, el('p', { class: 'loading' }, 'Loading text…'));
  const section = el('article', { class: 'document', id: `doc-${d.id}`, tabindex: '-1' },
    el('h4', {}, d.title || d.id),
    el('p', { class: 'meta' },
      [d.publisher, d.published && d.published.slice(0, 10), d.format].filter(Boolean).join(' · '),
      d.duplicate_of ? ` · near-duplicate of ${d.duplicate_of}` : '',
      href ? [' · ', el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : ''),
    body);
  fetchDocument(d.id).then(
    (doc) => body.replaceChildren(highlighted(doc, ev, reports)),
    (err) => body.replaceChildren(el('p', { class: 'error' }, `Could not load the text: ${err.message}`)));
  return section;
}

// highlighted renders the document's text with spans for the event's report
// sentences and marks for their facts. Offsets count characters (code
// points), so the text is split with Array.from, not indexed as UTF-16.
export function highlighted(resp, ev, eventReports) {
  const text = (resp.document && resp.document.text) || '';
  const chars = Array.from(text);
  const mine = new Set(ev.reports || []);
  const reps = [...(resp.reports || []), ...eventReports.filter((r) => r.doc === resp.document.id)];
  let spans = [];
  const seen = new Set();
  for (const r of reps) {
    const s = r.source || {};
    const key = `${r.id}`;
    if (!mine.has(r.id) || seen.has(key) || !(s.end > s.start)) continue;
    seen.add(key);
    spans.push({ start: s.start, end: s.end, kind: 'sentence', label: `report ${r.id}` });
  }
  // The API lists each report's source sentence as a fact named "sentence".
  const span = (f) => ({ start: f.start, end: f.end, kind: f.field === 'sentence' ? 'sentence' : 'fact', label: f.field });
  for (const f of resp.facts || []) {
    if (mine.has(f.report) && f.end > f.start) spans.push(span(f));
  }
  if (!spans.length) { // a document of another event's reports only: show its facts
    spans = (resp.facts || []).filter((f) => f.end > f.start).map(span);
  }
  const cuts = new Set([0, chars.length]);
  for (const s of spans) {
    s.start = Math.max(0, Math.min(chars.length, s.start));
    s.end = Math.max(s.start, Math.min(chars.length, s.end));
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = chars.slice(a, b).join('');
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    const factLabels = over.filter((s) => s.kind === 'fact').map((s) => s.label);
    let node = factLabels.length ? el('mark', { class: 'fact', title: factLabels.join(', ') }, piece) : document.createTextNode(piece);
    if (over.some((s) => s.kind === 'sentence')) node = el('span', { class: 'sentence' }, node);
    out.append(node);
  }
  return out;
}
