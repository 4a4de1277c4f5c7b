package gazetteer

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"latin lower", "Kyiv", "kyiv"},
		{"cyrillic keeps yi", "Київ", "київ"},
		{"cyrillic keeps ye and g", "Ґалаґан Єнакієве", "ґалаґан єнакієве"},
		{"cyrillic keeps short i", "Гуляйполе", "гуляйполе"},
		{"russian yo folds", "Орёл", "орел"},
		{"apostrophe dropped", "Kam'yanske", "kamianske"},
		{"modifier apostrophe dropped", "Пʼятихатки", "пятихатки"},
		{"hyphen to space", "Ivano-Frankivsk", "ivano frankivsk"},
		{"dot and spaces", "St.  Petersburg", "st petersburg"},
		{"diacritics", "Kijów", "kiov"},
		{"final yy", "Kropyvnytskyy", "kropyvnytsky"},
		{"final yi", "Kropyvnytskyi", "kropyvnytsky"},
		{"ya to ia", "Zaporizhzhya", "zaporizhzhia"},
		{"yi after vowel", "Mykolayiv", "mykolaiv"},
		{"double letters", "Odessa", "odesa"},
		{"w to v", "Charkiw", "charkiv"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKeyVariantsMeet(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{"zaporizhzhia", "Zaporizhzhia", "Zaporizhzhya"},
		{"kropyvnytskyi", "Kropyvnytskyi", "Kropyvnytskiy"},
		{"vinnytsia", "Vinnytsia", "Vinnytsya"},
		{"odesa", "Odessa", "Odesa"},
		{"mykolaiv", "Mykolayiv", "Mykolaiv"},
		{"cherkasy", "Cherkassy", "Cherkasy"},
		{"yenakiieve", "Yenakiieve", "Yenakieve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if Key(tt.a) != Key(tt.b) {
				t.Errorf("Key(%q) = %q, Key(%q) = %q, want equal", tt.a, Key(tt.a), tt.b, Key(tt.b))
			}
		})
	}
}

func TestTransliterate(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"ukrainian kharkiv", "харків", []string{"kharkiv"}},
		{"ukrainian kyiv", "київ", []string{"kyiv"}},
		{"ukrainian zaporizhzhia", "запоріжжя", []string{"zaporizhzhia"}},
		{"ukrainian initial ye", "єнакієве", []string{"yenakiieve"}},
		{"ukrainian zgh", "згурівка", []string{"zghurivka"}},
		{"ukrainian two words", "кривий ріг", []string{"kryvyi rih"}},
		{"russian kharkov", "харьков", []string{"kharkov"}},
		{"russian ye after soft sign", "заречье", []string{"zareche", "zarechye"}},
		{"russian yery", "сыктывкар", []string{"syktyvkar"}},
		{"either language", "суми", []string{"sumy", "sumi"}},
		{"either language g", "бахмут", []string{"bakhmut"}},
		{"either language voronezh", "воронеж", []string{"voronezh"}},
		{"either language belgorod", "белгород", []string{"belhorod", "belgorod"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Transliterate(tt.in)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("Transliterate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStems(t *testing.T) {
	tests := []struct {
		name, word, stem string
	}{
		{"locative plural", "сумах", "сум"},
		{"adjective feminine", "харківська", "харківськ"},
		{"adjective genitive", "харківської", "харківськ"},
		{"adjective masculine", "черкаський", "черкаськ"},
		{"russian adjective", "белгородской", "белгородск"},
		{"russian adjective in -ный", "центральный", "центральн"},
		{"russian locative in -ном", "центральном", "центральн"},
		{"too short to strip", "суми", "сум"},
		{"no ending", "бахмут", "бахмут"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stem(tt.word); got != tt.stem {
				t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.stem)
			}
		})
	}
}

// FuzzKey checks that folding never panics, yields valid lower-case UTF-8
// and is stable: a key folds to itself.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"Kyiv", "Київ", "Kam'yanske", "Zaporizhzhya", "Пʼятихатки", "St. Petersburg", "iyi yyy", "\xff", "Йїєґ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if fast, ok := foldASCII(s); ok {
			if slow, _ := foldSlow(s); fast != slow {
				t.Fatalf("foldASCII(%q) = %q, foldSlow = %q", s, fast, slow)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q, not valid UTF-8", s, k)
		}
		for _, r := range k {
			if unicode.IsUpper(r) && unicode.ToLower(r) != r {
				t.Fatalf("Key(%q) = %q has upper-case %q", s, k, r)
			}
		}
		if k2 := Key(k); k2 != k {
			t.Fatalf("Key(Key(%q)) = %q, want %q", s, k2, k)
		}
		// Keys are word-local: the geocoder keys each word of a text alone
		// and joins them, so that must equal the key of the whole name.
		var words []string
		for _, w := range strings.Split(k, " ") {
			words = append(words, Key(w))
		}
		if j := strings.Join(words, " "); j != k {
			t.Fatalf("Key(%q) = %q, but its words key to %q", s, k, j)
		}
		for _, l := range LatinKeys(s) {
			for _, r := range l {
				if r >= 0x400 && r <= 0x4ff {
					t.Fatalf("LatinKeys(%q) has Cyrillic %q", s, l)
				}
			}
		}
	})
}
