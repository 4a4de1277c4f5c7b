// sitrep UI entry point. It wires the filter bar, the map, the timeline, the
// event list, the event page and live updates together. Routes:
//   /?filters            overview (map, timeline, list)
//   /?filters#event/ID   one event
// Filters live in the query string (see filters.js); the route in the hash.
import { el, typeInfo, place, dateText, TYPES } from './dom.js';
import { fetchEvents, fetchHistogram, MAX_EVENTS } from './api.js';
import { readURL, writeURL, sameFilters, initForm, fillForm } from './filters.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { showEvent } from './event.js';
import { connectLive, matches } from './live.js';

const form = document.getElementById('filters');
const overview = document.getElementById('overview');
const eventView = document.getElementById('event');
const countText = document.getElementById('count');
const tbody = document.querySelector('#events-table tbody');
const liveText = document.getElementById('live');

let filters = readURL();
let shownFilters = null; // filters of the data on screen
let events = [];
let generation = 0; // drops answers to superseded requests
let firstRender = true;
let routedEvent = null; // id of the event page on screen
let histTimer = 0; // debounces histogram reloads after live events

const map = createMap(document.getElementById('map'), openEvent);
const timeline = createTimeline(document.getElementById('timeline'), (from, to) => apply({ ...filters, from, to }),
  document.getElementById('readout'));

drawLegend();
initForm(form, apply);
fillForm(form, filters);
document.getElementById('use-view').addEventListener('click', () => {
  form.elements.bbox.value = map.viewBBox();
});
document.getElementById('home').addEventListener('click', (e) => {
  e.preventDefault();
  form.reset();
  apply({});
});
eventView.addEventListener('click', (e) => {
  if (e.target.closest('[data-back]')) {
    e.preventDefault();
    history.pushState(null, '', location.pathname + location.search);
    route();
  }
});
window.addEventListener('popstate', () => {
  filters = readURL();
  fillForm(form, filters);
  route();
});
window.addEventListener('hashchange', route);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !eventView.hidden) eventView.querySelector('[data-back]')?.click();
});
connectLive(onLive, (up) => {
  liveText.textContent = up ? 'live: connected' : 'live: reconnecting';
  liveText.classList.toggle('off', !up);
});
route();

// apply makes filters current: new history entry, overview, reload data.
function apply(next) {
  filters = next;
  fillForm(form, filters);
  writeURL(filters);
  route();
}

function openEvent(id) {
  location.hash = `event/${encodeURIComponent(id)}`;
}

// route shows the view the URL names and loads data when filters changed.
function route() {
  const m = location.hash.match(/^#event\/(.+)$/);
  if (m) {
    const id = decodeURIComponent(m[1]);
    overview.hidden = true;
    eventView.hidden = false;
    if (routedEvent !== id) {
      routedEvent = id;
      showEvent(eventView, id);
    }
    return;
  }
  routedEvent = null;
  eventView.hidden = true;
  overview.hidden = false;
  document.title = 'sitrep';
  map.leaflet.invalidateSize();
  if (!shownFilters || !sameFilters(shownFilters, filters)) load();
}

async function load() {
  const gen = ++generation;
  const want = { ...filters };
  countText.textContent = 'Loading events…';
  try {
    const [list, hist] = await Promise.all([fetchEvents(want), fetchHistogram(want)]);
    if (gen !== generation) return;
    shownFilters = want;
    if (firstRender) performance.mark('sitrep:data-received');
    events = list.events || [];
    map.setEvents(events, firstRender); // zoom to the data on first load only
    if (firstRender) {
      performance.mark('sitrep:markers-drawn');
      firstRender = false;
    }
    drawList(list.next_cursor);
    timeline.setDays(hist.days || [], want.from, want.to);
  } catch (err) {
    if (gen !== generation) return;
    countText.textContent = `Could not load events: ${err.message}`;
  } finally {
    map.drawBasemap();
  }
}

function drawList(more) {
  const mapped = events.filter(place).length;
  countText.textContent = `${events.length}${more ? '+' : ''} events, ${mapped} on the map` +
    (more ? ` (first ${MAX_EVENTS} shown; narrow the filters)` : '');
  tbody.replaceChildren(...events.slice(0, 300).map(row));
}

function row(ev) {
  const t = typeInfo(ev.type);
  const p = place(ev);
  return el('tr', { 'data-id': ev.id },
    el('td', {}, dateText(ev.date)),
    el('td', {}, el('span', { class: `type type-${t.id}` }, t.label)),
    el('td', {}, el('a', { href: `#event/${encodeURIComponent(ev.id)}` }, p ? p.name : (ev.locations && ev.locations[0] && ev.locations[0].name) || 'unknown place')),
    el('td', { class: 'num' }, String(ev.independent_sources || 0)),
    el('td', {}, el('span', { class: `badge status-${ev.status}` }, ev.status)));
}

// onLive adds or updates one pushed event. With a full-text filter the
// browser cannot tell whether it matches, so it reloads the list instead.
function onLive(ev) {
  if (filters.q) {
    shownFilters = null;
    clearTimeout(histTimer);
    histTimer = setTimeout(() => !overview.hidden && load(), 1000);
    return;
  }
  const i = events.findIndex((e) => e.id === ev.id);
  if (i >= 0) events.splice(i, 1);
  if (matches(ev, filters)) {
    events.unshift(ev);
    map.upsert(ev);
  } else {
    map.remove(ev.id);
  }
  drawList(false);
  clearTimeout(histTimer);
  histTimer = setTimeout(async () => {
    try {
      const hist = await fetchHistogram(filters);
      timeline.setDays(hist.days || [], filters.from, filters.to);
    } catch (err) {
      console.error('histogram:', err);
    }
  }, 500);
}

function drawLegend() {
  const legend = document.getElementById('legend');
  legend.replaceChildren(
    el('h2', {}, 'Events per day'),
    ...TYPES.map((t) => el('span', { class: `key type-${t.id}` }, t.label)),
    el('span', { class: 'size' }, 'Circle size on the map: independent sources'));
}
