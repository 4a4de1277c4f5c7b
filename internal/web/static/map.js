// The map: an embedded basemap (basemap.json, built by tools/basemap) and one
// circle per event, coloured by type and sized by independent sources.
/* global L */
import { el, typeInfo, place, dateText } from './dom.js';

const UKRAINE = [[44.3, 22.1], [52.4, 40.3]];

// createMap draws the basemap into container and returns the marker API.
// onOpen(id) is called when a marker is clicked.
export function createMap(container, onOpen) {
  const map = L.map(container, { zoomSnap: 0.5, minZoom: 2, maxZoom: 12, worldCopyJump: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth');
  map.fitBounds(UKRAINE);
  map.createPane('basemap').style.zIndex = 200;
  map.createPane('labels').style.zIndex = 350;
  const markers = L.featureGroup().addTo(map);
  const byID = new Map();
  // Events at the same place would hide each other: spread() fans each such
  // group out on a small ring around the place, in screen pixels, so every
  // event stays visible and clickable at any zoom.
  const groups = new Map(); // "lat,lon" -> markers
  let scale = 1; // smaller circles when there are many events

  // The basemap (about 1 MB) downloads at once but is drawn by drawBasemap,
  // which the app calls after the first markers, so data shows first.
  const basemap = fetch('/assets/basemap.json').then((res) => {
    if (!res.ok) throw new Error(`${res.status}`);
    return res.json();
  });
  let basemapDrawn = false;
  map.on('zoomend', () => container.classList.toggle('far', map.getZoom() < 5));

  function add(ev) {
    const p = place(ev);
    if (!p) return;
    const t = typeInfo(ev.type);
    const n = Math.max(1, ev.independent_sources || 0);
    const m = L.circleMarker([p.lat, p.lon], {
      radius: (4 + 3 * Math.sqrt(Math.min(n, 12))) * scale,
      color: '#1b1b1b',
      weight: 1,
      fillColor: t.color,
      fillOpacity: 0.8,
      className: `marker marker-${t.id}`,
    });
    // Leaflet parses string content as HTML; pass a node instead, built
    // only when the tooltip first opens.
    m.bindTooltip(() => el('div', {},
      el('strong', {}, `${t.label} · ${p.name}`), el('br'),
      `${dateText(ev.date)} · ${n} source${n === 1 ? '' : 's'} · ${ev.status}`));
    m.on('click', () => onOpen(ev.id));
    m.home = L.latLng(p.lat, p.lon);
    m.group = `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`;
    if (!groups.has(m.group)) groups.set(m.group, []);
    groups.get(m.group).push(m);
    markers.addLayer(m);
    byID.set(ev.id, m);
  }

  function drop(id) {
    const m = byID.get(id);
    if (!m) return;
    markers.removeLayer(m);
    byID.delete(id);
    const g = groups.get(m.group).filter((x) => x !== m);
    if (g.length) groups.set(m.group, g);
    else groups.delete(m.group);
  }

  function spread() {
    for (const g of groups.values()) {
      if (g.length === 1) {
        g[0].setLatLng(g[0].home);
        continue;
      }
      const centre = map.latLngToLayerPoint(g[0].home);
      g.forEach((m, i) => {
        // A ring for a few events; a sunflower spiral (even density) for many.
        const [r, a] = g.length <= 8
          ? [6 + 2.5 * g.length, (2 * Math.PI * i) / g.length - Math.PI / 2]
          : [7 * Math.sqrt(i + 0.5), i * 2.39996];
        m.setLatLng(map.layerPointToLatLng(centre.add([r * Math.cos(a), r * Math.sin(a)])));
      });
    }
  }
  map.on('zoomend', spread);

  function count() {
    container.dataset.markers = String(byID.size);
  }

  return {
    leaflet: map,
    // setEvents replaces every marker; with fit, it first zooms to them.
    // The group is off the map while it is rebuilt, so the markers are
    // drawn once, at their final place and zoom.
    setEvents(events, fit) {
      markers.remove();
      markers.clearLayers();
      byID.clear();
      groups.clear();
      scale = events.length > 300 ? 0.6 : 1;
      for (const ev of events) add(ev);
      const b = markers.getBounds();
      // With no events, frame Ukraine: the map may have been created hidden
      // (a shared #event link), so its first view was computed at size 0.
      if (fit) map.fitBounds(b.isValid() ? b.pad(0.2) : UKRAINE, { maxZoom: 7, animate: false });
      spread();
      markers.addTo(map);
      count();
    },
    // upsert adds or replaces one event's marker (live updates).
    upsert(ev) {
      drop(ev.id);
      add(ev);
      spread();
      count();
      const m = byID.get(ev.id);
      if (m) m.getElement()?.classList.add('fresh');
    },
    remove(id) {
      drop(id);
      spread();
      count();
    },
    // drawBasemap draws the country outlines and oblasts, once.
    drawBasemap() {
      if (basemapDrawn) return;
      basemapDrawn = true;
      basemap.then((bm) => drawBasemapLayers(map, bm)).catch((err) => console.error('basemap:', err));
    },
    // viewBBox returns the visible area as the API's bbox parameter.
    viewBBox() {
      const b = map.getBounds();
      const r = (v) => Math.round(v * 1000) / 1000;
      return [r(b.getWest()), r(b.getSouth()), r(b.getEast()), r(b.getNorth())].join(',');
    },
  };
}

function drawBasemapLayers(map, bm) {
  const canvas = L.canvas({ pane: 'basemap' });
  const base = { renderer: canvas, interactive: false };
  L.geoJSON(bm.countries, {
    ...base,
    style: (f) => ({ stroke: false, fillOpacity: 1, fillColor: f.properties.name === 'Ukraine' ? '#f4efd9' : '#e4e1d6' }),
  }).addTo(map);
  L.geoJSON(bm.oblasts, { ...base, style: { color: '#9b9584', weight: 0.8, dashArray: '3 3', fill: false } }).addTo(map);
  L.geoJSON(bm.coasts, { ...base, style: { color: '#8aa4b8', weight: 1 } }).addTo(map);
  L.geoJSON(bm.borders, { ...base, style: { color: '#5f5a4c', weight: 1.4 } }).addTo(map);
  for (const l of bm.labels) {
    const span = el('span', {}, l.name);
    L.marker([l.lat, l.lon], {
      pane: 'labels',
      interactive: false,
      keyboard: false,
      icon: L.divIcon({ className: `oblast-label oblast-${l.country}`, html: span, iconSize: null }),
    }).addTo(map);
  }
  performance.mark('sitrep:basemap-drawn');
}
