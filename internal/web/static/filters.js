// The filter bar. Its state lives in the URL query string, with the API's
// parameter names, so a view can be shared and back/forward work.
import { FILTER_KEYS, query } from './api.js';
import { TYPES } from './dom.js';

// readURL returns the filters in the current URL.
export function readURL() {
  const p = new URLSearchParams(location.search);
  const f = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k);
    if (v) f[k] = v;
  }
  return f;
}

// writeURL puts filters in the URL with pushState (a new history entry),
// dropping any #event route: applying a filter returns to the overview.
export function writeURL(filters) {
  const qs = query(filters);
  history.pushState(null, '', location.pathname + (qs ? `?${qs}` : ''));
}

// sameFilters compares two filter objects by their URL form.
export function sameFilters(a, b) {
  return query(a) === query(b);
}

// initForm adds the type options and wires the form to onApply(filters).
export function initForm(form, onApply) {
  const type = form.elements.type;
  for (const t of TYPES) type.append(new Option(t.label, t.id));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onApply(readForm(form));
  });
  form.querySelector('#reset').addEventListener('click', () => {
    form.reset();
    onApply({});
  });
}

// readForm returns the filters the form shows.
export function readForm(form) {
  const f = {};
  for (const k of FILTER_KEYS) {
    const v = form.elements[k].value.trim();
    if (v) f[k] = v;
  }
  return f;
}

// fillForm shows filters in the form. A value the select does not offer
// (type=attack,battle from a shared link) is added as an option.
export function fillForm(form, filters) {
  for (const k of FILTER_KEYS) {
    const input = form.elements[k];
    const v = filters[k] || '';
    if (input.tagName === 'SELECT' && v && ![...input.options].some((o) => o.value === v)) {
      input.append(new Option(v, v));
    }
    input.value = v;
  }
}
