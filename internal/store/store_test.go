package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// openTest opens a fresh SQLite database in a temporary directory.
func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func doc(text, publisher string) *model.Document {
	pub := time.Date(2026, 10, 14, 6, 0, 0, 0, time.UTC)
	return &model.Document{Text: text, Publisher: publisher, Format: model.FormatText, Published: &pub, ExternalID: "x-" + publisher}
}

func TestInsertDocumentDeduplicates(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	tests := []struct {
		name    string
		doc     *model.Document
		wantNew bool
	}{
		{"first", doc("Drones struck Odesa overnight.", "Port Herald"), true},
		{"same text, other casing and spacing", doc("drones struck  Odesa\novernight.", "Copycat"), false},
		{"different text", doc("Shelling hit Kherson on Tuesday.", "South Wire"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bool
			err := s.Batch(ctx, func(tx *Tx) error {
				var err error
				got, err = tx.InsertDocument(ctx, tt.doc)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.wantNew {
				t.Errorf("InsertDocument(%q) new = %v, want %v", tt.doc.Text, got, tt.wantNew)
			}
		})
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 || st.Sources != 2 {
		t.Errorf("Stats = %d documents, %d sources; want 2, 2", st.Documents, st.Sources)
	}
}

func TestBatchRollsBackOnError(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	boom := errors.New("boom")
	err := s.Batch(ctx, func(tx *Tx) error {
		if _, err := tx.InsertDocument(ctx, doc("A strike on Sumy was reported.", "A")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Batch err = %v, want boom", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 0 {
		t.Errorf("documents after rollback = %d, want 0", st.Documents)
	}
}

func TestDocumentRoundTripAndSearch(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	in := doc("Air defences downed 40 drones over Poltava region, the Air Force said.", "Sky Watch")
	in.Title = "Night raid on Poltava"
	in.URL = "https://example.org/a"
	reports := []model.Report{{
		ID: "r1", Doc: model.DocumentID(in.Text), Type: model.Attack,
		Date:      model.DateRange{Start: "2026-10-13", End: "2026-10-14", Precision: model.Day},
		Attacker:  &model.Actor{Side: model.SideRU},
		Locations: []model.Location{{Name: "Poltava Oblast", Lat: 49.6, Lon: 34.5, Resolved: true}},
		Weapons:   []model.Weapon{{Kind: "drone", Intercepted: model.Q(40, model.Exact)}},
	}}
	err := s.Batch(ctx, func(tx *Tx) error {
		if _, err := tx.InsertDocument(ctx, in); err != nil {
			return err
		}
		if err := tx.InsertReports(ctx, reports); err != nil {
			return err
		}
		return tx.RecordFailure(ctx, Failure{Input: "bad.json", Error: "truncated JSON at line 3"})
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Document(ctx, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != in.Text || got.Title != in.Title || got.Published == nil || !got.Published.Equal(*in.Published) {
		t.Errorf("Document(%s) = %+v, want %+v", in.ID, got, in)
	}
	if _, err := s.Document(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document(nope) err = %v, want ErrNotFound", err)
	}
	ids, err := s.SearchDocuments(ctx, "poltava", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 || ids[0] != in.ID {
		t.Errorf("SearchDocuments(poltava) = %v, want [%s]", ids, in.ID)
	}
	rs, err := s.DocumentReports(ctx, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Weapons[0].Intercepted.Value != 40 {
		t.Errorf("DocumentReports = %+v, want the stored report", rs)
	}
	fs, err := s.Failures(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Input != "bad.json" {
		t.Errorf("Failures = %+v", fs)
	}
}

func TestDocumentsPages(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	const n = 1203
	err := s.Batch(ctx, func(tx *Tx) error {
		for i := range n {
			if _, err := tx.InsertDocument(ctx, doc("report number "+time.Duration(i).String(), "P")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	if err := s.Documents(ctx, func(*model.Document) error { count++; return nil }); err != nil {
		t.Fatal(err)
	}
	if count != n {
		t.Errorf("Documents visited %d, want %d", count, n)
	}
}

func TestSightings(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	first := doc("Drones hit a grain terminal in Izmail overnight.", "Danube Post")
	first.URL = "https://danube.example/a"
	again := *first // the same input twice: no sighting
	reprint := doc("Drones hit a grain terminal in Izmail overnight.", "Delta Wire")
	reprint.URL = "https://delta.example/b"
	reprint.Title = "Izmail terminal struck"
	var added []bool
	err := s.Batch(ctx, func(tx *Tx) error {
		if _, err := tx.InsertDocument(ctx, first); err != nil {
			return err
		}
		for _, d := range []*model.Document{&again, reprint, reprint} {
			d.ID = first.ID
			ok, err := tx.AddSighting(ctx, d)
			if err != nil {
				return err
			}
			added = append(added, ok)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{false, true, false}; !slices.Equal(added, want) {
		t.Errorf("AddSighting added = %v, want %v (same input: no; reprint: yes; reprint again: no)", added, want)
	}
	got, err := s.Document(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Publisher != "Danube Post" || len(got.Republished) != 1 || got.Republished[0].Publisher != "Delta Wire" ||
		got.Republished[0].Title != "Izmail terminal struck" || got.Republished[0].Published == nil {
		t.Errorf("Document = publisher %q, republished %+v", got.Publisher, got.Republished)
	}
}

func TestOpenPathWithQueryCharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd?name#with&chars.db")
	s, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created at %q: %v", path, err)
	}
}
