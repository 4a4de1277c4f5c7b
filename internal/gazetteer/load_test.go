package gazetteer

import (
	"bytes"
	"errors"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestDefaultLoads(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	counts := g.CountByCountry()
	for _, cc := range []string{"UA", "RU", "BY", "MD"} {
		if counts[cc] < 50 {
			t.Errorf("CountByCountry()[%s] = %d, want at least 50", cc, counts[cc])
		}
	}
	if _, ok := g.CountryOf("UA"); !ok {
		t.Error("CountryOf(UA) missing")
	}
	for _, code := range []string{"01", "05", "07", "11", "12", "20", "27"} {
		if _, ok := g.Admin1("UA", code); !ok {
			t.Errorf("Admin1(UA, %s) missing", code)
		}
	}
	features := map[Feature]int{}
	for _, p := range g.Places {
		features[p.Feature]++
	}
	if features[Admin2] < 100 {
		t.Errorf("%d Ukrainian raions, want at least 100 of the 136", features[Admin2])
	}
	t.Logf("places=%d names=%d keys=%d UA=%d RU=%d BY=%d MD=%d countries=%d features=%v", g.Len(), g.NameCount(),
		g.KeyCount(), counts["UA"], counts["RU"], counts["BY"], counts["MD"], len(g.country), features)
}

func TestEveryPlaceHasAdmin1(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	missing := map[string]int{}
	for _, p := range g.Places {
		if deepCountry(p.Country) && p.Feature != Country && p.Admin1 == "" && !(p.Feature == Site && p.Admin1Code == "") {
			missing[p.Country+"."+p.Admin1Code]++
		}
	}
	if len(missing) > 0 {
		t.Errorf("places without an admin1 name, by admin1 code: %v", missing)
	}
}

func TestLookupResolves(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query, wantName, wantAdmin1 string
	}{
		{"kiev", "Kiev", "Kyiv", "Kyiv City"},
		{"kyiv cyrillic", "Київ", "Kyiv", "Kyiv City"},
		{"kiev russian", "Киев", "Kyiv", "Kyiv City"},
		{"kirovograd", "Kirovograd", "Kropyvnytskyi", "Kirovohrad Oblast"},
		{"artemivsk", "Artemivsk", "Bakhmut", "Donetsk Oblast"},
		{"kharkiv region", "Kharkiv region", "Kharkiv Oblast", "Kharkiv Oblast"},
		{"kharkivska oblast", "Kharkivska oblast", "Kharkiv Oblast", "Kharkiv Oblast"},
		{"ukrainian oblast", "Київська область", "Kyiv Oblast", "Kyiv Oblast"},
		{"crimea", "Крим", "Crimea", "Crimea"},
		{"sheremetyevo", "Sheremetyevo", "Sheremetyevo International Airport", "Moscow Oblast"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := g.Lookup(Key(tt.query))
			if len(ids) == 0 {
				t.Fatalf("Lookup(Key(%q)) = none", tt.query)
			}
			for _, id := range ids {
				if p := g.Places[id]; p.Name == tt.wantName && p.Admin1 == tt.wantAdmin1 {
					return
				}
			}
			t.Errorf("Lookup(Key(%q)) has no %s (%s)", tt.query, tt.wantName, tt.wantAdmin1)
		})
	}
}

func TestSupplementRules(t *testing.T) {
	sup := "admin1\tXX\t01\t\tQuux Oblast\t\t\t\t=Quux|=Фоовська|Quuxshchyna\n" +
		"city\tXX\t01\t42\tQuux\t10\t20\t5000\tOld Quux\n" +
		"city\tXX\t01\t\tBar Village\t11\t21\t\t\n" +
		"alias\tXX\t\t42\tQuux City\t\t\t\tQuuxville\n" +
		"drop\tXX\t\t42\t\t\t\t\tOld Quux\n"
	g, err := Load(nil, strings.NewReader(sup))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query, want string
	}{
		{"latin base region", "Quux region", "Quux Oblast"},
		{"latin base oblast", "Quux Oblast", "Quux Oblast"},
		{"cyrillic base", "Фоовська область", "Quux Oblast"},
		{"plain name", "Quuxshchyna", "Quux Oblast"},
		{"renamed canonical kept", "Quux", "Quux City"},
		{"alias name", "Quuxville", "Quux City"},
		{"dropped name", "Old Quux", ""},
		{"base alone not indexed", "Фоовська", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := g.Lookup(Key(tt.query))
			got := ""
			if len(ids) > 0 {
				got = g.Places[ids[0]].Name
			}
			if got != tt.want {
				t.Errorf("Lookup(Key(%q)) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
	if p := g.Places[g.Lookup(Key("Bar Village"))[0]]; p.Admin1 != "Quux Oblast" {
		t.Errorf("Bar Village admin1 = %q, want Quux Oblast", p.Admin1)
	}
	if a := g.Places[g.admin1["XX.01"]]; a.Lat == 0 {
		t.Errorf("Quux Oblast has no point; want the median of its places")
	}
}

func TestSupplementErrors(t *testing.T) {
	tests := []struct {
		name, row string
	}{
		{"too few columns", "city\tUA\t05"},
		{"unknown feature", "volcano\tUA\t05\t\tEtna\t1\t2\t\t"},
		{"bad lat", "city\tUA\t05\t\tX\tnorth\t2\t\t"},
		{"lat out of range", "city\tUA\t05\t\tX\t91\t2\t\t"},
		{"city without point", "city\tUA\t05\t\tX\t\t\t\t"},
		{"alias unknown id", "alias\tUA\t\t999999999\tX\t\t\t\t"},
		{"bad population", "city\tUA\t05\t\tX\t1\t2\tmany\t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(nil, strings.NewReader("# header\n"+tt.row+"\n"))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Load(%q) error = %v, want a *ParseError", tt.row, err)
			}
			if pe.Line != 2 || pe.File != "supplement" {
				t.Errorf("ParseError = %s line %d, want supplement line 2", pe.File, pe.Line)
			}
		})
	}
}

// TestLoadBudget loads the embedded gazetteer afresh and checks it against
// the budget: under 150 MB of memory (heap growth and the process's RSS).
// Time is logged here and measured by BenchmarkLoad.
func TestLoadBudget(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	start := time.Now()
	g, err := Load(bytes.NewReader(placesGz), bytes.NewReader(supplementTSV))
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	cpu := cpuTime() - cpu0
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	rss := rssMB(t)
	t.Logf("load %v wall, %v CPU, retained heap %.1f MB, process RSS %.1f MB, %d places, embedded file %d bytes",
		took.Round(time.Millisecond), cpu.Round(time.Millisecond), heap, rss, g.Len(), len(placesGz))
	if heap > 150 || rss > 150 {
		t.Errorf("load uses heap %.1f MB, RSS %.1f MB, want both < 150 MB", heap, rss)
	}
	runtime.KeepAlive(g)
}

// cpuTime is the process's user plus system CPU time, which a machine
// shared with other work inflates far less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rssMB reads the resident set size from /proc/self/status (Linux), or 0.
func rssMB(t *testing.T) float64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Logf("no /proc/self/status: %v", err)
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkLoad builds the gazetteer from the embedded files. Besides wall
// time it reports CPU ms per load (cpu-ms/op), which a machine shared with
// other work inflates far less.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := Load(bytes.NewReader(placesGz), bytes.NewReader(supplementTSV)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkLookup folds a name and looks it up, over a mix of Latin and
// Cyrillic names, hits and misses; names/s is the figure to watch.
func BenchmarkLookup(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"Kyiv", "Kharkov", "Zaporizhzhya", "Київ", "Харків", "Kostiantynivka", "Sheremetyevo",
		"Novoselivka", "Bryansk", "Moscow", "Tuesday", "Kropyvnytskyi", "Odessa", "Sumy", "Белгород", "Pokrovsk"}
	b.ReportAllocs()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		name := names[n%len(names)]
		_ = g.Lookup(Key(name))
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "names/s")
	b.ReportMetric(float64(n)/(cpuTime()-cpu0).Seconds(), "names/cpu-s")
}

func TestCountsReport(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	counts := g.CountByCountry()
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range counts {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v })
	var top []string
	for _, x := range all[:min(12, len(all))] {
		top = append(top, x.k+"="+strconv.Itoa(x.v))
	}
	t.Logf("countries=%d top: %s", len(all), strings.Join(top, " "))
	// The coverage promise, as floors well under today's counts so
	// that a regenerated gazetteer that lost a country's depth fails here.
	for cc, floor := range map[string]int{"UA": 2500, "RU": 4000, "BY": 250, "MD": 90} {
		if counts[cc] < floor {
			t.Errorf("places in %s = %d, want at least %d (the theatre is covered in depth)", cc, counts[cc], floor)
		}
	}
	if len(all) < 190 {
		t.Errorf("countries = %d, want at least 190 (every country and its capital)", len(all))
	}
}
