package dedup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// wire is an invented agency story; the other texts are rewrites of it or
// independent articles about the same night.
const wire = `Russian forces struck the southern port city of Odesa overnight with a wave of attack drones, ` +
	`damaging a grain terminal and several apartment blocks, the regional administration said on Thursday. ` +
	`Three people were injured, including a teenager, and firefighters worked until dawn to put out a blaze ` +
	`at the terminal. Air defence units shot down most of the drones over the sea, the military said, ` +
	`but debris fell on a residential street in the Prymorskyi district. The port has been targeted ` +
	`repeatedly since the summer, and exporters say insurance costs for ships calling there have risen sharply.`

const reprint = `Odesa port hit by drones. ` + wire + ` This story has been updated with comment from the port operator.`

const trimmed = `Russian forces struck the southern port city of Odesa overnight with a wave of attack drones, ` +
	`damaging a grain terminal and several apartment blocks, the regional administration said on Thursday. ` +
	`Three people were wounded, including a teenager, and firefighters worked until dawn to put out a blaze ` +
	`at the terminal. Air defence units shot down most of the drones over the sea, the military said.`

const independent = `A grain terminal in Odesa was set on fire during a drone raid that lasted most of the night, ` +
	`local officials reported, and three residents needed hospital treatment. The regional administration ` +
	`said that most of the drones were downed over the water. Pieces of one drone landed on a street in the ` +
	`Prymorskyi district, breaking windows. Shipping companies have complained for weeks about the rising ` +
	`cost of insuring vessels that load grain in the city.`

const kyiv = `Explosions echoed across Kyiv before dawn on Friday as ballistic missiles targeted the capital. ` +
	`The mayor said two people died in the Darnytskyi district and eleven were taken to hospital. ` +
	`Metro stations filled with residents sheltering from the attack for several hours.`

func TestIndexCheck(t *testing.T) {
	tests := []struct {
		name    string
		id      string
		text    string
		wantDup string
	}{
		{"first is original", "wire", wire, ""},
		{"reprint with headline and footer", "reprint", reprint, "wire"},
		{"trimmed copy with one edited word", "trimmed", trimmed, "wire"},
		{"independent article on same night", "independent", independent, ""},
		{"other city", "kyiv", kyiv, ""},
		{"re-cased copy of a copy points to root", "shout", strings.ToUpper(reprint), "wire"},
		{"same id again is not its own copy", "wire", wire, ""},
		{"empty text", "empty", "  ...  ", ""},
	}
	ix := New(0, 0)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ix.Check(tt.id, tt.text)
			if m.DuplicateOf != tt.wantDup {
				t.Fatalf("Check(%s) = %q (similarity %.2f), want %q", tt.id, m.DuplicateOf, m.Similarity, tt.wantDup)
			}
		})
	}
	if got, want := ix.Len(), 6; got != want {
		t.Fatalf("Len() = %d, want %d", got, want)
	}
}

func TestSimilarityEstimate(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"identical", wire, wire, 1, 1},
		{"reprint", wire, reprint, 0.7, 1},
		{"independent same night", wire, independent, 0, 0.25},
		{"different city", wire, kyiv, 0, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := Compute(tt.a)
			b, _ := Compute(tt.b)
			if s := Similarity(&a.Sig, &b.Sig); s < tt.min || s > tt.max {
				t.Fatalf("Similarity = %.3f, want in [%.2f, %.2f]", s, tt.min, tt.max)
			}
		})
	}
}

func TestEncodeDecode(t *testing.T) {
	sig, _ := Compute(wire)
	got, err := Decode(sig.Encode())
	if err != nil || got != sig {
		t.Fatalf("Decode(Encode(sig)) = %v, %v; want the same sketch", got.Shingles, err)
	}
	if _, err := Decode([]byte{9, 1, 2}); !errors.Is(err, ErrSignatureFormat) {
		t.Fatal("Decode(short) succeeded, want ErrSignatureFormat")
	}
}

func TestLoadFromStore(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ix := New(0, 0)
	texts := []string{wire, reprint, kyiv}
	err = st.Batch(ctx, func(tx *store.Tx) error {
		for _, text := range texts {
			d := &model.Document{ID: model.DocumentID(text), Text: text, Format: model.FormatText}
			m := ix.Check(d.ID, d.Text)
			d.DuplicateOf = m.DuplicateOf
			if _, err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
			if err := tx.SetDocumentMinhash(ctx, d.ID, m.Signature); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	loaded, skipped, err := Load(ctx, st)
	if err != nil || skipped != 0 {
		t.Fatalf("Load = %v, skipped %d", err, skipped)
	}
	if loaded.Len() != 3 {
		t.Fatalf("loaded %d documents, want 3", loaded.Len())
	}
	// A new copy must find the original that only the store knew about.
	m := loaded.Check("trimmed", trimmed)
	if want := model.DocumentID(wire); m.DuplicateOf != want {
		t.Fatalf("Check after Load = %q, want %q", m.DuplicateOf, want)
	}
	// The stored copy keeps pointing at its original.
	if m := loaded.Check(model.DocumentID(reprint), reprint); m.DuplicateOf != model.DocumentID(wire) {
		t.Fatalf("stored copy's original = %q, want %q", m.DuplicateOf, model.DocumentID(wire))
	}
}

func TestBenchSmall(t *testing.T) {
	res, err := Bench(context.Background(), 3000, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Recall < 0.95 || res.FalseLinks > 0 {
		t.Fatalf("Bench(3000) = %s, want recall >= 0.95 and no false links", res)
	}
}

func FuzzCompute(f *testing.F) {
	for _, s := range []string{wire, kyiv, "", "Київ і Харків", "a b", "\xff\xfe broken"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, okA := Compute(s)
		b, okB := Compute(strings.ToUpper(s))
		if okA != okB && strings.ToUpper(strings.ToLower(s)) == strings.ToUpper(s) {
			return // case folding changed the word structure (rare scripts)
		}
		if okA && Similarity(&a.Sig, &a.Sig) != 1 {
			t.Fatalf("Similarity(x, x) != 1 for %q", s)
		}
		_ = b
	})
}

func BenchmarkCheck(b *testing.B) {
	ix := New(0, b.N)
	for i := 0; b.Loop(); i++ {
		ix.Check(string(rune('a'+i%26))+strings.Repeat("x", i%7), wire)
	}
}

// TestBenchN runs Bench at the size in SITREP_DEDUP_BENCH_N (for measuring
// by hand; `sitrep bench dedup --docs N` is the normal way).
func TestBenchN(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("SITREP_DEDUP_BENCH_N"))
	if err != nil || n <= 0 {
		t.Skip("set SITREP_DEDUP_BENCH_N to run")
	}
	res, err := Bench(context.Background(), n, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res)
}
