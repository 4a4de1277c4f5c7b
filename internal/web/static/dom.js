// DOM helpers. Everything the UI shows from the API goes through el(), which
// makes text nodes, so document text (hostile input) is never parsed as HTML.

// el creates an element with attributes and children. Strings and numbers
// become text nodes; null, undefined and false are skipped. Attributes named
// on* add event listeners; "class" sets className.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// safeURL returns u if it is an http(s) URL, else null, so a document's
// "url" can never become a javascript: link.
export function safeURL(u) {
  try {
    const x = new URL(u);
    return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : null;
  } catch {
    return null;
  }
}

// TYPES lists the event types in stacking order, with label and colour.
// map.js, timeline.js and the legend all use it, so colours match.
export const TYPES = [
  { id: 'attack', label: 'Attack', color: '#c62828' },
  { id: 'air_alert', label: 'Air alert', color: '#e68a00' },
  { id: 'battle', label: 'Battle', color: '#6a1b9a' },
  { id: 'territorial_change', label: 'Territorial change', color: '#1565c0' },
  { id: 'deployment', label: 'Deployment', color: '#2e7d32' },
];

const other = { id: 'other', label: 'Other', color: '#546e7a' };

// typeInfo returns the TYPES entry for id, or a grey "Other".
export function typeInfo(id) {
  return TYPES.find((t) => t.id === id) || { ...other, label: id || other.label };
}

// place returns an event's first resolved location, or null.
export function place(ev) {
  return (ev.locations || []).find((l) => l.resolved && (l.lat || l.lon)) || null;
}

// dateText renders a DateRange: "2026-10-14" or "2026-10-13 – 2026-10-14".
export function dateText(d) {
  if (!d || (!d.start && !d.end)) return 'date unknown';
  if (!d.end || d.end === d.start) return d.start;
  if (!d.start) return d.end;
  return `${d.start} – ${d.end}`;
}
