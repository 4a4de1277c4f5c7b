package gazetteer

import (
	"strings"
	"unicode"
)

// kmuName returns the official Ukrainian romanisation (KMU 2010) of a
// Ukrainian place when GeoNames names it in another spelling of the same
// name ("Zaporizhzhya" → "Zaporizhzhia", "Kropyvnytskyy" → "Kropyvnytskyi"),
// or "" when it has no such form. The Ukrainian name is the Cyrillic
// alternate name whose transliteration folds to the same key as the GeoNames
// name, preferring one with Ukrainian-only letters; a name that folds
// differently (a rename, a Russian form) is never taken.
func kmuName(name string, alts []string) string {
	want := Key(name)
	best := ""
	bestUk := false
	for _, a := range alts {
		k, cyr := fold(a)
		if !cyr || strings.ContainsAny(k, "ыэъ") {
			continue
		}
		latin := translit(k, ukTable, true)
		if LooseLatin(latin) != want {
			continue
		}
		uk := strings.ContainsAny(k, "іїєґ")
		if best == "" || (uk && !bestUk) {
			best, bestUk = a, uk
		}
	}
	if best == "" {
		return ""
	}
	out := romanise(best)
	if out == name {
		return ""
	}
	return out
}

// Romanise writes a Cyrillic place name in Latin letters, each word
// capitalised and hyphens kept: Ukrainian in KMU 2010 ("Кривий Ріг" →
// "Kryvyi Rih"), Russian (a name with ы, э, ъ or ё) in BGN/PCGN ("Тёткино"
// → "Tetkino"). A name without Cyrillic letters is returned unchanged.
func Romanise(s string) string {
	if _, cyr := fold(s); !cyr {
		return s
	}
	if strings.ContainsAny(strings.ToLower(s), "ыэъё") {
		return romaniseWith(s, ruTable, false)
	}
	return romanise(s)
}

// romanise writes a Ukrainian name in KMU 2010 with its hyphens and spaces
// kept and each word capitalised: "Кривий Ріг" → "Kryvyi Rih".
func romanise(s string) string { return romaniseWith(s, ukTable, true) }

func romaniseWith(s string, table map[rune]string, ukrainian bool) string {
	var b strings.Builder
	word := []rune{}
	flush := func() {
		if len(word) == 0 {
			return
		}
		t := []rune(translit(strings.ToLower(string(word)), table, ukrainian))
		if len(t) > 0 {
			t[0] = unicode.ToUpper(t[0])
		}
		b.WriteString(string(t))
		word = word[:0]
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`':
			continue
		case r == '-' || r == ' ':
			flush()
			b.WriteRune(r)
		default:
			word = append(word, r)
		}
	}
	flush()
	return b.String()
}

// deepCountry reports whether a country is covered in depth.
func deepCountry(cc string) bool {
	return cc == "UA" || cc == "RU" || cc == "BY" || cc == "MD"
}

// plainName drops the soft-sign apostrophes and the diaeresis of ё that
// GeoNames romanisations carry ("Yampil’" → "Yampil", "Kovyl’noye" →
// "Kovylnoye", "Korolëv" → "Korolev"), as English-language reports write
// them.
func plainName(s string) string {
	if !strings.ContainsAny(s, "’ʹ'ëË") {
		return s
	}
	r := strings.NewReplacer("’", "", "ʹ", "", "'", "", "ë", "e", "Ë", "E")
	return r.Replace(s)
}
