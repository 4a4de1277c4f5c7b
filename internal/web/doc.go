// Package web serves sitrep's browser UI: a map, a timeline and an event page
// built from plain files in static/, embedded in the binary so the UI works
// with the network unplugged.
//
// There is no JavaScript build step. static/index.html loads two vendored
// libraries (Leaflet for the map, uPlot for the timeline, see
// static/vendor/VENDOR.md) with classic script tags, then static/app.js as an
// ES module, which imports one module per concern (filters.js, map.js,
// timeline.js, event.js, live.js). The UI reads only the JSON API described
// in .team/API.md.
//
// Mount the handler at the root of the server's mux, next to the API:
//
//	mux.Handle("GET /", web.Handler())
//	mux.Handle("GET /assets/", web.Handler())
//
// The handler serves "/" (the page) and "/assets/…" (everything else), sets
// exact content types, ETags, Cache-Control and the strict CSP (see CSP), and
// sends gzip to clients that accept it. Document text shown by the UI is
// hostile input: every script builds DOM nodes with textContent and never
// assigns data to innerHTML, which CSP's script-src 'self' backs up.
package web
