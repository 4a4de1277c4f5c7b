package api

import (
	"encoding/json"
	"net/http"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	f, err := ParseFilter(r.URL.Query())
	if err != nil {
		s.fault(w, r, err)
		return
	}
	// The stored JSON is passed through; the encoder still validates it and
	// escapes <, > and & inside it.
	evs, next, err := s.st.QueryEventsJSON(r.Context(), f)
	if err != nil {
		s.fault(w, r, err)
		return
	}
	if evs == nil {
		evs = []json.RawMessage{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"events": evs, "next_cursor": next})
}

func (s *Server) handleReports(w http.ResponseWriter, r *http.Request) {
	f, err := ParseFilter(r.URL.Query())
	if err != nil {
		s.fault(w, r, err)
		return
	}
	rs, next, err := s.st.QueryReports(r.Context(), f)
	if err != nil {
		s.fault(w, r, err)
		return
	}
	if rs == nil {
		rs = []*model.Report{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"reports": rs, "next_cursor": next})
}

func (s *Server) handleHistogram(w http.ResponseWriter, r *http.Request) {
	f, err := ParseFilter(r.URL.Query())
	if err != nil {
		s.fault(w, r, err)
		return
	}
	days, err := s.st.Histogram(r.Context(), f)
	if err != nil {
		s.fault(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"days": days})
}

// eventDetail is the reply of GET /api/v1/events/{id}.
type eventDetail struct {
	Event       *model.Event            `json:"event"`
	Reports     []model.Report          `json:"reports"`
	Documents   []store.DocumentSummary `json:"documents"`
	Explanation any                     `json:"explanation"`
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	ctx, id := r.Context(), r.PathValue("id")
	evs, _, err := s.st.QueryEvents(ctx, store.Filter{IDs: []string{id}, Limit: 1})
	if err != nil {
		s.fault(w, r, err)
		return
	}
	if len(evs) == 0 {
		fail(w, http.StatusNotFound, "no such event")
		return
	}
	d := eventDetail{Event: evs[0]}
	if d.Reports, err = s.st.QueryEventReports(ctx, id); err != nil {
		s.fault(w, r, err)
		return
	}
	if d.Reports == nil {
		d.Reports = []model.Report{}
	}
	docIDs := append([]string(nil), d.Event.Documents...)
	seen := map[string]bool{}
	for _, id := range docIDs {
		seen[id] = true
	}
	for _, rep := range d.Reports {
		if !seen[rep.Doc] {
			seen[rep.Doc] = true
			docIDs = append(docIDs, rep.Doc)
		}
	}
	if d.Documents, err = s.st.QueryDocumentSummaries(ctx, docIDs); err != nil {
		s.fault(w, r, err)
		return
	}
	if s.opts.Hooks.Explain != nil {
		d.Explanation, err = s.opts.Hooks.Explain(ctx, id)
	} else {
		var links []store.Link
		links, err = s.st.QueryEventLinks(ctx, id)
		d.Explanation = map[string]any{"reports": links}
	}
	if err != nil {
		s.fault(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// fact is one highlighted span of a document: the report it belongs to,
// the field it supports and its character offsets into the text.
type fact struct {
	Report string `json:"report"`
	Field  string `json:"field"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// documentFacts lists the spans of each report's facts in a text of n
// characters: its source sentence, its recorded facts, and (for reports
// without recorded facts) its places and figures. Spans outside the text
// are dropped, so a stale offset can never make the UI slice past the end.
func documentFacts(rs []model.Report, n int) []fact {
	out := []fact{}
	seen := map[fact]bool{}
	add := func(f fact) {
		if f.Start < 0 || f.End <= f.Start || f.End > n || seen[f] {
			return
		}
		seen[f] = true
		out = append(out, f)
	}
	for _, r := range rs {
		add(fact{r.ID, "sentence", r.Source.Sentence, r.Source.Start, r.Source.End})
		for _, f := range r.Facts {
			add(fact{r.ID, f.Field, f.Text, f.Start, f.End})
		}
		if len(r.Facts) > 0 {
			continue
		}
		for i, l := range r.Locations {
			add(fact{r.ID, "locations[" + itoa(i) + "]", l.MatchedText, l.Start, l.End})
		}
		for name, q := range map[string]*model.Quantity{"casualties.killed": r.Casualties.Killed, "casualties.injured": r.Casualties.Injured,
			"casualties.children_killed": r.Casualties.ChildrenKilled, "casualties.children_injured": r.Casualties.ChildrenInjured} {
			if q != nil {
				add(fact{r.ID, name, q.Text, q.Start, q.End})
			}
		}
		for i, wp := range r.Weapons {
			for name, q := range map[string]*model.Quantity{"launched": wp.Launched, "intercepted": wp.Intercepted, "hit": wp.Hit} {
				if q != nil {
					add(fact{r.ID, "weapons[" + itoa(i) + "]." + name, q.Text, q.Start, q.End})
				}
			}
		}
	}
	return out
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, err := s.st.Document(ctx, r.PathValue("id"))
	if err != nil {
		s.fault(w, r, err)
		return
	}
	rs, err := s.st.DocumentReports(ctx, d.ID)
	if err != nil {
		s.fault(w, r, err)
		return
	}
	if rs == nil {
		rs = []model.Report{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"document": d, "reports": rs, "facts": sortFacts(documentFacts(rs, utf8.RuneCountInString(d.Text)))})
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if err := s.st.Ping(r.Context()); err != nil {
		s.log.Error("health check", "error", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "version": s.opts.Version})
}
