// Calls to the JSON API (.team/API.md). Filters are plain objects whose keys
// are the API's query parameter names, which are also the page's URL keys.

// FILTER_KEYS are the filter parameters, in the order they appear in URLs.
export const FILTER_KEYS = ['from', 'to', 'type', 'side', 'weapon', 'min_sources', 'status', 'q', 'bbox'];

// query builds a query string from filters, skipping empty values and any
// key in omit.
export function query(filters, extra = {}, omit = []) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    if (!omit.includes(k) && filters[k]) p.set(k, filters[k]);
  }
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

// getJSON fetches a path and returns its JSON, throwing the API's error
// message on a non-2xx answer.
export async function getJSON(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) throw new Error((body && body.error) || `${res.status} ${res.statusText}`);
  return body;
}

// MAX_EVENTS bounds how many events the map shows (API limit is 1000 a page).
export const MAX_EVENTS = 1000;

export function fetchEvents(filters) {
  return getJSON(`/api/v1/events?${query(filters, { limit: MAX_EVENTS })}`);
}

// fetchHistogram leaves out the date range so the timeline keeps showing the
// whole period and the selected range is drawn on top of it.
export function fetchHistogram(filters) {
  return getJSON(`/api/v1/histogram?${query(filters, {}, ['from', 'to'])}`);
}

export function fetchEvent(id) {
  return getJSON(`/api/v1/events/${encodeURIComponent(id)}`);
}

export function fetchDocument(id) {
  return getJSON(`/api/v1/documents/${encodeURIComponent(id)}`);
}
