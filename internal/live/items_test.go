package live

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestScanItems(t *testing.T) {
	tests := []struct {
		name     string
		body     []byte
		wantFeed bool
		wantKeys []string
	}{
		{"rss 2.0 guids", readTestdata(t, "rss2.xml"), true,
			[]string{"guid:sfw-20261013-0412", "guid:sfw-20261013-0655"}},
		{"atom id, then alternate link", readTestdata(t, "atom.xml"), true,
			[]string{"id:tag:east.example.net,2026:entry-881", "link:https://east.example.net/a/glide-bombs"}},
		{"rss 1.0 with legacy charset, link then hash", readTestdata(t, "rdf.xml"), true,
			[]string{"link:https://old.example.com/n/1", "hash:"}},
		{"empty channel", []byte(`<rss><channel><title>x</title></channel></rss>`), true, nil},
		{"html page", []byte(`<html><body><p>Not a feed</p></body></html>`), false, nil},
		{"json feed", []byte(`{"version":"https://jsonfeed.org/version/1.1","items":[]}`), false, nil},
		{"truncated feed", []byte(`<rss><channel><item><guid>a</guid></item><item><guid>b`), false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, isFeed := scanItems(tt.body)
			if isFeed != tt.wantFeed {
				t.Fatalf("scanItems() feed = %v, want %v", isFeed, tt.wantFeed)
			}
			if !isFeed {
				return
			}
			var keys []string
			for _, it := range items {
				k := it.Key
				if strings.HasPrefix(k, "hash:") {
					k = "hash:" // the hash value itself is checked below
				}
				keys = append(keys, k)
				el := string(tt.body[it.Start:it.End])
				if !(strings.HasPrefix(el, "<item") || strings.HasPrefix(el, "<entry")) || !(strings.HasSuffix(el, "</item>") || strings.HasSuffix(el, "</entry>")) {
					t.Errorf("item span %d..%d = %q, want a whole <item> or <entry>", it.Start, it.End, el)
				}
			}
			if !slices.Equal(keys, tt.wantKeys) {
				t.Errorf("scanItems() keys = %q, want %q", keys, tt.wantKeys)
			}
		})
	}
}

func TestScanItemsHashIsStable(t *testing.T) {
	body := readTestdata(t, "rdf.xml")
	a, _ := scanItems(body)
	b, _ := scanItems(bytes.Replace(body, []byte("Old Style Bulletin"), []byte("Renamed Channel"), 1))
	if a[1].Key != b[1].Key {
		t.Errorf("hash key changed with channel metadata: %q vs %q", a[1].Key, b[1].Key)
	}
	c, _ := scanItems(bytes.Replace(body, []byte("No link and no guid"), []byte("Edited text"), 1))
	if a[1].Key == c[1].Key {
		t.Errorf("hash key %q did not change with the item's content", a[1].Key)
	}
}

func TestKeepItems(t *testing.T) {
	body := readTestdata(t, "rss2.xml")
	items, _ := scanItems(body)
	tests := []struct {
		name string
		keep []string
	}{
		{"all", []string{"guid:sfw-20261013-0412", "guid:sfw-20261013-0655"}},
		{"second only", []string{"guid:sfw-20261013-0655"}},
		{"none", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := map[string]bool{}
			for _, k := range tt.keep {
				keep[k] = true
			}
			out := keepItems(body, items, keep)
			got, isFeed := scanItems(out)
			if !isFeed {
				t.Fatalf("keepItems() output is no longer a feed:\n%s", out)
			}
			var keys []string
			for _, it := range got {
				keys = append(keys, it.Key)
			}
			if !slices.Equal(keys, tt.keep) {
				t.Errorf("keepItems(%q) keeps %q", tt.keep, keys)
			}
			if !bytes.Contains(out, []byte("<title>Southern Front Wire</title>")) {
				t.Errorf("keepItems() lost the channel metadata")
			}
		})
	}
}

// FuzzScanItems checks that scanning never panics, that spans are ordered
// and inside the body, and that keeping every item returns the body intact.
func FuzzScanItems(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "rdf.xml"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte(`<rss><channel><item/><item><guid>x</guid></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		items, isFeed := scanItems(body)
		if !isFeed {
			return
		}
		var at int64
		all := map[string]bool{}
		for _, it := range items {
			if it.Start < at || it.End < it.Start || it.End > int64(len(body)) {
				t.Fatalf("bad span %d..%d after %d in %d bytes", it.Start, it.End, at, len(body))
			}
			at = it.End
			all[it.Key] = true
		}
		if out := keepItems(body, items, all); !bytes.Equal(out, body) {
			t.Fatalf("keepItems(all) changed the body")
		}
	})
}
