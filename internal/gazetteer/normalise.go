package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Key folds a place name into its lookup key. It lower-cases, drops
// apostrophes (', ’, ʼ, `), turns hyphens, dots and runs of spaces into one
// space, strips Latin diacritics (Kijów → kijow) and folds Russian ё to е.
// It keeps the Ukrainian letters й, ї, є and ґ: "Київ" and "Киев" stay
// distinct keys, because they are different spellings that transliterate
// differently.
//
// For Latin text Key also applies the loose fold (see LooseLatin), so press
// spellings that differ only in how they render я, ю, є, ий or doubled
// letters ("Zaporizhzhya"/"Zaporizhzhia", "Kropyvnytskyy"/"Kropyvnytskyi",
// "Odessa"/"Odesa") share a key.
func Key(s string) string {
	k, cyr := fold(s)
	if !cyr {
		return LooseLatin(k)
	}
	if !strings.Contains(k, " ") {
		return k
	}
	// Mixed scripts: Latin words still get the loose fold, so a key stays
	// the join of its words' keys.
	ws := strings.Split(k, " ")
	for i, w := range ws {
		if _, c := foldSlow(w); !c {
			ws[i] = LooseLatin(w)
		}
	}
	return strings.Join(ws, " ")
}

// LatinKeys returns the Latin keys of a name: the name's own key when it is
// Latin, or its transliterations (Ukrainian KMU 2010 and Russian BGN/PCGN,
// then the loose fold) when it is Cyrillic. Indexing these lets Latin text
// find Cyrillic-only entries and Cyrillic text find Latin-only ones.
func LatinKeys(s string) []string {
	k, cyr := fold(s)
	if !cyr {
		return []string{LooseLatin(k)}
	}
	var out []string
	for _, t := range Transliterate(k) {
		l := LooseLatin(t)
		if len(out) == 0 || out[0] != l {
			out = append(out, l)
		}
	}
	return out
}

// fold lower-cases and cleans s; it reports whether s holds Cyrillic letters.
func fold(s string) (string, bool) {
	if k, ok := foldASCII(s); ok {
		return k, false
	}
	return foldSlow(s)
}

// foldSlow is fold for any text.
func foldSlow(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	space, cyr := false, false
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '‘' || r == 'ʹ' || r == '′' || r == 'ʻ':
			continue
		case r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—' || r == '.' || unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		r = unicode.ToLower(r)
		if r >= 0x400 && r <= 0x4ff {
			cyr = true
			if r == 'ё' {
				r = 'е'
			}
			b.WriteRune(r)
			continue
		}
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
			continue
		}
		if d, ok := latinBase[r]; ok {
			b.WriteString(d)
			continue
		}
		b.WriteRune(r)
	}
	return b.String(), cyr
}

// latinBase maps Latin letters with diacritics to their base letters.
var latinBase = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i"}
	groups := map[string]string{
		"a": "àáâãäåāăąǎ", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęěə", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįǐ", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ", "o": "òóôõöōŏőǒ",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűųǔ", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	}
	for base, letters := range groups {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// LooseLatin folds a lower-case Latin key so that common transliteration
// variants coincide: word-final -iy/-yy/-yi/-ij/-ii become -y, ya/yu/ye/yo
// become ia/iu/ie/io, yi after a vowel becomes i (Mykolayiv → mykolaiv), y
// between a vowel and a consonant becomes i (Pervomaysk → pervomaisk),
// iia/iie/iiu lose one i, w becomes v (Kyiw, Charkiw) and doubled letters
// collapse (Odessa → odesa). It is applied to both sides of every Latin
// comparison, so it never has to be reversible. The rules are applied until
// nothing changes, so a loose key folds to itself.
func LooseLatin(s string) string {
	for i := 0; i < 8; i++ {
		t := looseOnce(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// looseOnce applies the loose-fold rules once, left to right.
func looseOnce(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == 'w' {
			c = 'v'
		}
		if c == 'j' && i+1 < len(b) && isVowel(b[i+1]) && b[i+1] != 'i' && b[i+1] != 'y' &&
			(i == 0 || !isLetter(b[i-1]) || isVowel(b[i-1])) {
			c = 'y' // Polish/German/Czech j before a vowel: Jalta, Kijev → yalta, kiyev (not Beijing)
		}
		// Word-final -iy, -yy, -yi, -ij, -ii, -yj → y.
		if (c == 'i' || c == 'y') && i+1 < len(b) && (i+2 == len(b) || b[i+2] == ' ') {
			n := b[i+1]
			if n == 'y' || n == 'i' || n == 'j' {
				out = append(out, 'y')
				i++
				continue
			}
		}
		if c == 'y' && len(out) > 0 && isVowel(out[len(out)-1]) && out[len(out)-1] != 'y' &&
			(i+1 == len(b) || b[i+1] == ' ' || (isLetter(b[i+1]) && !isVowel(b[i+1]))) {
			c = 'i' // y between a vowel and a consonant: Pervomaysk → pervomaisk, Mykhaylivka → mykhailivka
		}
		if c == 'y' && i+1 < len(b) {
			n := b[i+1]
			switch {
			case n == 'a' || n == 'u' || n == 'e' || n == 'o':
				c = 'i'
			case n == 'i' && len(out) > 0 && isVowel(out[len(out)-1]):
				continue // Mykolayiv → mykolaiv
			}
		}
		if c == 'i' && len(out) > 0 && out[len(out)-1] == 'i' && i+1 < len(b) && (b[i+1] == 'a' || b[i+1] == 'e' || b[i+1] == 'u') {
			continue // Yenakiieve → ienakieve
		}
		if len(out) > 0 && out[len(out)-1] == c && isLetter(c) {
			continue // doubled letters
		}
		out = append(out, c)
	}
	return string(out)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// foldASCII is fold's fast path for plain ASCII names; ok is false when s
// has other bytes.
func foldASCII(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == '\'' || c == '`':
			continue
		case c == '-' || c == '.' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = true
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b), true
}
