package api

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// putEvent writes an event row as the merge stage does, with plain SQL so
// these tests do not depend on the merge stage's writer.
func putEvent(ctx context.Context, tx *store.Tx, ev *model.Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	var side string
	if ev.Attacker != nil {
		side = string(ev.Attacker.Side)
	}
	var lat, lon any
	if len(ev.Locations) > 0 && ev.Locations[0].Resolved {
		lat, lon = ev.Locations[0].Lat, ev.Locations[0].Lon
	}
	now := tx.Now().Format(time.RFC3339Nano)
	_, err = tx.SQL().ExecContext(ctx, `INSERT INTO events (id, type, date_start, date_end, attacker_side, lat, lon,
 independent_sources, status, body, created_at, updated_at, seq)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events))`,
		ev.ID, string(ev.Type), ev.Date.Start, ev.Date.End, side, lat, lon, ev.IndependentSources, string(ev.Status), body, now, now)
	return err
}

// hostileText is a document that tries to smuggle markup into the UI.
const hostileText = `Officials in Zaporizhzhia said a guided bomb hit a warehouse <script>alert("x")</script> on Sunday; two workers were injured.`

type fixtureData struct {
	st       *store.Store
	token    string
	odesaDoc string
	hostile  string
}

// newFixture stores a small, invented world: four events, two documents
// (one hostile), three reports and one API token.
func newFixture(t *testing.T) fixtureData {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "api.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	pub := time.Date(2026, 10, 14, 7, 30, 0, 0, time.UTC)
	odesa := &model.Document{Text: "Overnight the port of Odesa came under a swarm of attack drones; three dock workers were hurt, the regional governor said.",
		Title: "Port struck overnight", Publisher: "Black Sea Wire", Format: model.FormatText, Published: &pub, URL: "https://example.org/odesa"}
	hostile := &model.Document{Text: hostileText, Title: `<img src=x onerror=alert(1)>`, Publisher: "South Front Desk", Format: model.FormatText, Published: &pub}
	loc := func(name string, lat, lon float64) []model.Location {
		return []model.Location{{Name: name, Lat: lat, Lon: lon, Resolved: true, Country: "UA"}}
	}
	evs := []*model.Event{
		{ID: "ev-odesa", Type: model.Attack, Date: model.DateRange{Start: "2026-10-14"}, Locations: loc("Odesa", 46.48, 30.72),
			Attacker: &model.Actor{Side: model.SideRU}, Weapons: []string{"drone"}, IndependentSources: 2, Status: model.StatusCorroborated,
			Headline: map[string]model.Headline{"injured": {Value: 3, Qualifier: model.Exact, Rule: "max"}}, Publishers: []string{"Black Sea Wire"}},
		{ID: "ev-zap", Type: model.Attack, Date: model.DateRange{Start: "2026-10-11"}, Locations: loc("Zaporizhzhia", 47.84, 35.14),
			Attacker: &model.Actor{Side: model.SideRU}, Weapons: []string{"glide_bomb"}, IndependentSources: 1, Status: model.StatusReported},
		{ID: "ev-alert", Type: model.AirAlert, Date: model.DateRange{Start: "2026-10-14"}, Locations: loc("Kyiv", 50.45, 30.52),
			IndependentSources: 1, Status: model.StatusClaimed},
		{ID: "ev-kursk", Type: model.Battle, Date: model.DateRange{Start: "2026-10-02", End: "2026-10-03"},
			Locations: []model.Location{{Name: "Sudzha", Lat: 51.19, Lon: 35.27, Resolved: true, Country: "RU"}},
			Attacker:  &model.Actor{Side: model.SideUA}, IndependentSources: 3, Status: model.StatusConfirmed},
	}
	err = st.Batch(ctx, func(tx *store.Tx) error {
		for _, d := range []*model.Document{odesa, hostile} {
			if _, err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		odesaStart := 0
		hurt := strings.Index(odesa.Text, "three dock workers were hurt")
		rs := []model.Report{
			{ID: "rep-odesa", Doc: odesa.ID, Type: model.Attack, Date: model.DateRange{Start: "2026-10-14"}, Locations: []model.Location{{Name: "Odesa",
				MatchedText: "Odesa", Start: 22, End: 27, Lat: 46.48, Lon: 30.72, Resolved: true}}, Attacker: &model.Actor{Side: model.SideRU},
				Weapons: []model.Weapon{{Kind: "drone"}}, Source: model.Source{Doc: odesa.ID, Sentence: odesa.Text, Start: odesaStart, End: len([]rune(odesa.Text))},
				Facts: []model.Fact{{Field: "casualties.injured", Value: "3", Text: "three dock workers were hurt", Start: hurt, End: hurt + 28},
					{Field: "bogus", Text: "past the end", Start: 500, End: 520}}},
			{ID: "rep-zap", Doc: hostile.ID, Type: model.Attack, Date: model.DateRange{Start: "2026-10-11"}, Locations: loc("Zaporizhzhia", 47.84, 35.14),
				Weapons: []model.Weapon{{Kind: "glide_bomb"}}, Source: model.Source{Doc: hostile.ID, Sentence: hostileText, Start: 0, End: len([]rune(hostileText))}},
		}
		if err := tx.InsertReports(ctx, rs); err != nil {
			return err
		}
		for _, ev := range evs {
			if err := putEvent(ctx, tx, ev); err != nil {
				return err
			}
		}
		for _, l := range [][2]string{{"rep-odesa", "ev-odesa"}, {"rep-zap", "ev-zap"}} {
			if _, err := tx.SQL().ExecContext(ctx, `INSERT INTO event_reports (report_id, event_id, score, explanation) VALUES (?, ?, 0.8, '{"distance_km":0,"days_apart":0}')`, l[0], l[1]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := st.CreateToken(ctx, "test")
	if err != nil {
		t.Fatal(err)
	}
	return fixtureData{st: st, token: token, odesaDoc: odesa.ID, hostile: hostile.ID}
}

// textIngest is a real, minimal ingest hook: it stores the body as one text
// document (the pipeline is wired in by serve.go).
func textIngest(st *store.Store) func(ctx context.Context, u Upload) (IngestCounts, []string, error) {
	return func(ctx context.Context, u Upload) (IngestCounts, []string, error) {
		var c IngestCounts
		err := st.Batch(ctx, func(tx *store.Tx) error {
			isNew, err := tx.InsertDocument(ctx, &model.Document{Text: string(u.Body), Title: u.Name, Format: model.FormatText})
			c.Documents = 1
			if isNew {
				c.New = 1
			} else {
				c.Duplicates = 1
			}
			return err
		})
		return c, nil, err
	}
}
