package store

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// putEvent writes an event row the way the merge stage does: the indexed
// columns copied out of the body. (Plain SQL so these tests do not depend
// on the merge stage's writer.)
func putEvent(ctx context.Context, tx *Tx, ev *model.Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	var side string
	if ev.Attacker != nil {
		side = string(ev.Attacker.Side)
	}
	var lat, lon any
	if l := primaryLocation(ev.Locations); l != nil {
		lat, lon = l.Lat, l.Lon
	}
	_, err = tx.SQL().ExecContext(ctx, `INSERT INTO events (id, type, date_start, date_end, attacker_side, lat, lon,
 independent_sources, status, body, created_at, updated_at, seq)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events))
 ON CONFLICT(id) DO UPDATE SET type = excluded.type, date_start = excluded.date_start, date_end = excluded.date_end,
 attacker_side = excluded.attacker_side, lat = excluded.lat, lon = excluded.lon,
 independent_sources = excluded.independent_sources, status = excluded.status, body = excluded.body`,
		ev.ID, string(ev.Type), ev.Date.Start, ev.Date.End, side, lat, lon, ev.IndependentSources, string(ev.Status), body,
		stamp(tx.Now()), stamp(tx.Now()))
	return err
}

func fixtureEvent(id string, typ model.EventType, start, end string, lat, lon float64, side model.Side, weapons []string, sources int, status model.Status) *model.Event {
	ev := &model.Event{ID: id, Type: typ, Date: model.DateRange{Start: start, End: end, Precision: model.Day}, Weapons: weapons,
		IndependentSources: sources, Status: status}
	if lat != 0 || lon != 0 {
		ev.Locations = []model.Location{{Name: "place-" + id, Lat: lat, Lon: lon, Resolved: true}}
	}
	if side != "" {
		ev.Attacker = &model.Actor{Side: side}
	}
	return ev
}

// fixture stores a handful of events in Ukraine and neighbours, with one
// document and report for the first two so the text search has something
// to find.
func fixture(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	evs := []*model.Event{
		fixtureEvent("e-odesa", model.Attack, "2026-10-14", "", 46.48, 30.72, model.SideRU, []string{"drone"}, 3, model.StatusCorroborated),
		fixtureEvent("e-kharkiv", model.Attack, "2026-10-13", "2026-10-14", 49.99, 36.23, model.SideRU, []string{"ballistic_missile", "drone"}, 1, model.StatusReported),
		fixtureEvent("e-alert", model.AirAlert, "2026-10-14", "", 50.45, 30.52, "", nil, 1, model.StatusClaimed),
		fixtureEvent("e-belgorod", model.Attack, "2026-10-12", "", 50.60, 36.59, model.SideUA, []string{"drone"}, 2, model.StatusCorroborated),
		fixtureEvent("e-pokrovsk", model.TerritorialChange, "2026-10-01", "", 48.28, 37.18, model.SideRU, nil, 4, model.StatusConfirmed),
		fixtureEvent("e-nowhere", model.Battle, "2026-09-20", "", 0, 0, "", nil, 1, model.StatusReported),
		fixtureEvent("e-undated", model.Attack, "--10-14", "", 46.96, 31.99, model.SideRU, []string{"artillery"}, 1, model.StatusReported),
	}
	err := s.Batch(ctx, func(tx *Tx) error {
		for _, ev := range evs {
			if err := putEvent(ctx, tx, ev); err != nil {
				return err
			}
		}
		d := &model.Document{Text: "Overnight the port of Odesa came under a swarm of attack drones; three people were hurt.",
			Publisher: "Black Sea Wire", Format: model.FormatText, Title: "Port hit"}
		if _, err := tx.InsertDocument(ctx, d); err != nil {
			return err
		}
		r := model.Report{ID: "r-odesa", Doc: d.ID, Type: model.Attack, Date: model.DateRange{Start: "2026-10-14"},
			Weapons: []model.Weapon{{Kind: "drone"}}, Attacker: &model.Actor{Side: model.SideRU},
			Locations: []model.Location{{Name: "Odesa", Lat: 46.48, Lon: 30.72, Resolved: true}}}
		if err := tx.InsertReports(ctx, []model.Report{r}); err != nil {
			return err
		}
		_, err := tx.SQL().ExecContext(ctx, `INSERT INTO event_reports (report_id, event_id, score, explanation) VALUES (?, ?, ?, ?)`,
			"r-odesa", "e-odesa", 0.9, `{"place":0.5,"time":0.4}`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func ids(evs []*model.Event) []string {
	out := []string{}
	for _, ev := range evs {
		out = append(out, ev.ID)
	}
	return out
}

func TestQueryEvents(t *testing.T) {
	ctx := context.Background()
	s := fixture(t)
	ukraine := &BBox{MinLon: 22, MinLat: 44, MaxLon: 40.3, MaxLat: 52.4}
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all, newest first", Filter{}, []string{"e-alert", "e-odesa", "e-kharkiv", "e-belgorod", "e-pokrovsk", "e-nowhere", "e-undated"}},
		{"one day overlaps a range ending on it", Filter{From: "2026-10-14", To: "2026-10-14"}, []string{"e-alert", "e-odesa", "e-kharkiv"}},
		{"range", Filter{From: "2026-10-01", To: "2026-10-12"}, []string{"e-belgorod", "e-pokrovsk"}},
		{"type", Filter{Types: []string{"attack"}}, []string{"e-odesa", "e-kharkiv", "e-belgorod", "e-undated"}},
		{"two types", Filter{Types: []string{"air_alert", "territorial_change"}}, []string{"e-alert", "e-pokrovsk"}},
		{"side UA", Filter{Sides: []string{"UA"}}, []string{"e-belgorod"}},
		{"weapon", Filter{Weapons: []string{"ballistic_missile", "artillery"}}, []string{"e-kharkiv", "e-undated"}},
		{"min sources", Filter{MinSources: 3}, []string{"e-odesa", "e-pokrovsk"}},
		{"status", Filter{Statuses: []string{"corroborated"}}, []string{"e-odesa", "e-belgorod"}},
		{"small bbox around Odesa", Filter{BBox: &BBox{MinLon: 30, MinLat: 46, MaxLon: 31, MaxLat: 47}}, []string{"e-odesa"}},
		{"bbox and type and side", Filter{BBox: ukraine, Types: []string{"attack"}, Sides: []string{"RU"}}, []string{"e-odesa", "e-kharkiv", "e-undated"}},
		{"full text", Filter{Q: "drones port"}, []string{"e-odesa"}},
		{"full text with FTS syntax is literal", Filter{Q: `"odesa AND OR (`}, []string{}},
		{"ids", Filter{IDs: []string{"e-pokrovsk", "e-alert"}}, []string{"e-alert", "e-pokrovsk"}},
		{"nothing matches", Filter{Types: []string{"battle"}, Sides: []string{"RU"}}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, next, err := s.QueryEvents(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(got), tt.want) {
				t.Errorf("QueryEvents(%+v) = %v, want %v", tt.f, ids(got), tt.want)
			}
			if next != "" {
				t.Errorf("QueryEvents(%+v) next = %q, want none", tt.f, next)
			}
		})
	}
}

func TestQueryEventsPaginates(t *testing.T) {
	ctx := context.Background()
	s := fixture(t)
	ukraine := &BBox{MinLon: 22, MinLat: 44, MaxLon: 40.3, MaxLat: 52.4}
	for _, base := range []Filter{{}, {BBox: ukraine}, {BBox: ukraine, Types: []string{"attack"}, To: "2026-10-13"}, {Types: []string{"attack"}}} {
		paginate(t, s, base)
	}
	if _, _, err := s.QueryEvents(ctx, Filter{Cursor: "not-a-cursor!"}); !errors.Is(err, ErrBadCursor) {
		t.Errorf("QueryEvents(bad cursor) err = %v, want ErrBadCursor", err)
	}
}

// paginate checks that pages of every size concatenate to the whole list.
func paginate(t *testing.T, s *Store, base Filter) {
	t.Helper()
	ctx := context.Background()
	all, _, err := s.QueryEvents(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 3 {
		t.Fatalf("filter %+v selects %d events, too few to paginate", base, len(all))
	}
	for _, size := range []int{1, 2, 3} {
		var got []string
		f := base
		f.Limit = size
		for pages := 0; ; pages++ {
			if pages > len(all) {
				t.Fatalf("limit %d: more pages than events", size)
			}
			page, next, err := s.QueryEvents(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) > size {
				t.Fatalf("limit %d: page of %d", size, len(page))
			}
			got = append(got, ids(page)...)
			if next == "" {
				break
			}
			f.Cursor = next
		}
		if !reflect.DeepEqual(got, ids(all)) {
			t.Errorf("filter %+v: pages of %d = %v, want %v", base, size, got, ids(all))
		}
	}
}

func TestHistogramPathsAgree(t *testing.T) {
	ctx := context.Background()
	s := fixture(t)
	// An update moves an event to another day and type; the triggers must follow.
	err := s.Batch(ctx, func(tx *Tx) error {
		return putEvent(ctx, tx, fixtureEvent("e-belgorod", model.Battle, "2026-10-13", "", 50.60, 36.59, model.SideUA, nil, 2, model.StatusCorroborated))
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    Filter
		want map[string]map[string]int64
	}{
		{"all", Filter{}, map[string]map[string]int64{
			"2026-09-20": {"battle": 1}, "2026-10-01": {"territorial_change": 1},
			"2026-10-13": {"attack": 1, "battle": 1}, "2026-10-14": {"attack": 1, "air_alert": 1}}},
		{"range and type", Filter{From: "2026-10-02", To: "2026-10-14", Types: []string{"attack"}}, map[string]map[string]int64{
			"2026-10-13": {"attack": 1}, "2026-10-14": {"attack": 1}}},
		{"box", Filter{BBox: &BBox{MinLon: 30, MinLat: 46, MaxLon: 37, MaxLat: 50}}, map[string]map[string]int64{
			"2026-10-13": {"attack": 1}, "2026-10-14": {"attack": 1}}},
		{"box and type", Filter{BBox: &BBox{MinLon: 30, MinLat: 46, MaxLon: 37, MaxLat: 51}, Types: []string{"battle", "air_alert"}, To: "2026-10-13"}, map[string]map[string]int64{
			"2026-10-13": {"battle": 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, scan := range []bool{false, true} {
				days, err := s.histogram(ctx, tt.f, scan)
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]map[string]int64{}
				var order []string
				for _, d := range days {
					got[d.Date] = d.Counts
					order = append(order, d.Date)
				}
				if !sort.StringsAreSorted(order) {
					t.Errorf("histogram(scan=%v) days not in order: %v", scan, order)
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("histogram(%+v, scan=%v) = %v, want %v", tt.f, scan, got, tt.want)
				}
			}
		})
	}
	days, err := s.Histogram(ctx, Filter{Q: "drones port"})
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 1 || days[0].Date != "2026-10-14" || days[0].Counts["attack"] != 1 {
		t.Errorf("Histogram(q) = %+v, want one attack on 2026-10-14", days)
	}
	days, err = s.Histogram(ctx, Filter{Sides: []string{"UA"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 1 || days[0].Date != "2026-10-13" || days[0].Counts["battle"] != 1 {
		t.Errorf("Histogram(side UA) = %+v, want one battle on 2026-10-13", days)
	}
}

func TestEventDetailQueries(t *testing.T) {
	ctx := context.Background()
	s := fixture(t)
	rs, err := s.QueryEventReports(ctx, "e-odesa")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].ID != "r-odesa" || rs[0].Event != "e-odesa" {
		t.Errorf("QueryEventReports(e-odesa) = %+v, want r-odesa linked to e-odesa", rs)
	}
	links, err := s.QueryEventLinks(ctx, "e-odesa")
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || links[0].Score != 0.9 || string(links[0].Explanation) != `{"place":0.5,"time":0.4}` {
		t.Errorf("QueryEventLinks(e-odesa) = %+v", links)
	}
	docs, err := s.QueryDocumentSummaries(ctx, []string{"missing", rs[0].Doc})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Publisher != "Black Sea Wire" {
		t.Errorf("QueryDocumentSummaries = %+v, want the Black Sea Wire document", docs)
	}
	reps, _, err := s.QueryReports(ctx, Filter{Weapons: []string{"drone"}, Statuses: []string{"corroborated"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 1 || reps[0].ID != "r-odesa" {
		t.Errorf("QueryReports(drone, corroborated) = %d reports, want r-odesa", len(reps))
	}
	reps, _, err = s.QueryReports(ctx, Filter{Sides: []string{"UA"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != 0 {
		t.Errorf("QueryReports(side UA) = %d reports, want 0", len(reps))
	}
}

func TestTokens(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	secret, tok, err := s.CreateToken(ctx, "analyst")
	if err != nil {
		t.Fatal(err)
	}
	var stored int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM api_tokens WHERE hash = ?`, secret).Scan(&stored); err != nil || stored != 0 {
		t.Fatalf("token stored in clear (count %d, err %v)", stored, err)
	}
	tests := []struct {
		name   string
		secret string
		ok     bool
	}{
		{"right", secret, true},
		{"wrong", secret[:len(secret)-1] + "x", false},
		{"no prefix", secret[len(TokenPrefix):], false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.CheckToken(ctx, tt.secret)
			if tt.ok && (err != nil || got.ID != tok.ID) {
				t.Errorf("CheckToken = %+v, %v; want token %d", got, err, tok.ID)
			}
			if !tt.ok && !errors.Is(err, ErrNotFound) {
				t.Errorf("CheckToken err = %v, want ErrNotFound", err)
			}
		})
	}
	if err := s.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CheckToken(ctx, secret); !errors.Is(err, ErrNotFound) {
		t.Errorf("CheckToken after revoke err = %v, want ErrNotFound", err)
	}
	list, err := s.Tokens(ctx)
	if err != nil || len(list) != 1 || list[0].Revoked == nil || list[0].Created.After(time.Now()) {
		t.Errorf("Tokens = %+v, %v", list, err)
	}
}

// FuzzCursor checks that a cursor round-trips and that no input makes the
// decoder panic or accept what it did not produce.
func FuzzCursor(f *testing.F) {
	f.Add("2026-10-14", int64(7), "")
	f.Add("", int64(0), "MQAyMDI2ADE")
	f.Add("--10-14", int64(-3), "!!")
	f.Fuzz(func(t *testing.T, date string, seq int64, raw string) {
		c, err := decodeCursor(encodeCursor(date, seq))
		if !strings.Contains(date, "\x00") && (err != nil || c.date != date || c.seq != seq) {
			t.Fatalf("round trip of (%q, %d) = %+v, %v", date, seq, c, err)
		}
		if c, err := decodeCursor(raw); err != nil && !errors.Is(err, ErrBadCursor) {
			t.Fatalf("decodeCursor(%q) err = %v, not ErrBadCursor", raw, err)
		} else if err == nil && raw != "" && c == nil {
			t.Fatalf("decodeCursor(%q) = nil, nil", raw)
		}
	})
}
