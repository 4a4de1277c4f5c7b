// Live updates: the server pushes each created or changed event on
// /api/v1/stream (server-sent events, "event: event", data = Event JSON).
import { place } from './dom.js';

// connectLive subscribes and calls onEvent(ev) for every pushed event and
// onState(connected) when the connection opens or drops. EventSource
// reconnects by itself.
export function connectLive(onEvent, onState) {
  if (!('EventSource' in window)) return null;
  const src = new EventSource('/api/v1/stream');
  src.addEventListener('open', () => onState(true));
  src.addEventListener('error', () => onState(false));
  src.addEventListener('event', (e) => {
    let ev;
    try {
      ev = JSON.parse(e.data);
    } catch {
      return; // a malformed message is dropped, the stream goes on
    }
    if (ev && ev.id) onEvent(ev);
  });
  return src;
}

// matches reports whether ev passes the filters that can be checked in the
// browser. Full-text q cannot, so the caller refetches when q is set.
export function matches(ev, f) {
  const start = (ev.date && (ev.date.start || ev.date.end)) || '';
  const end = (ev.date && (ev.date.end || ev.date.start)) || '';
  if (f.from && end && end < f.from) return false;
  if (f.to && start && start > f.to) return false;
  if (f.type && !f.type.split(',').includes(ev.type)) return false;
  if (f.side && (!ev.attacker || ev.attacker.side !== f.side)) return false;
  if (f.status && !f.status.split(',').includes(ev.status)) return false;
  if (f.min_sources && (ev.independent_sources || 0) < Number(f.min_sources)) return false;
  if (f.weapon && !f.weapon.split(',').some((w) => (ev.weapons || []).includes(w))) return false;
  if (f.bbox) {
    const [w, s, e, n] = f.bbox.split(',').map(Number);
    const p = place(ev);
    if (!p || p.lon < w || p.lon > e || p.lat < s || p.lat > n) return false;
  }
  return true;
}
