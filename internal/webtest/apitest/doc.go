// Package apitest runs the browser test of package webtest against the real
// API server (internal/api) on a real SQLite store loaded with webtest's
// fixture, so the UI and the API are checked against each other and not
// only against the contract in .team/API.md. It has tests only.
package apitest
