package gazetteer

import "strings"

// Transliterate renders a lower-case Cyrillic string in Latin letters. A
// word with Ukrainian-only letters (і, ї, є, ґ) gets the Ukrainian national
// system (KMU 2010, the one Ukraine's own English names use: Харків →
// kharkiv, Запоріжжя → zaporizhzhia); a word with Russian-only letters
// (ы, э, ъ, ё) gets BGN/PCGN (Харьков → kharkov, Воронеж → voronezh); a word
// with neither gets both, Ukrainian first, because "Суми" or "Бахмут" could
// be either language. Non-Cyrillic runes pass through unchanged.
func Transliterate(s string) []string {
	uk, ru := false, false
	for _, r := range s {
		switch r {
		case 'і', 'ї', 'є', 'ґ':
			uk = true
		case 'ы', 'э', 'ъ', 'ё':
			ru = true
		}
	}
	switch {
	case uk && !ru:
		return []string{translit(s, ukTable, true)}
	case ru && !uk:
		return []string{translit(s, ruTable, false)}
	}
	a, b := translit(s, ukTable, true), translit(s, ruTable, false)
	if a == b {
		return []string{a}
	}
	return []string{a, b}
}

// ukTable is KMU 2010 (Cabinet of Ministers resolution 55). Letters that
// take another form at the start of a word are in ukInitial.
var ukTable = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh",
	'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n",
	'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia",
	// Russian letters met in mixed text, rendered as BGN/PCGN would.
	'ы': "y", 'э': "e", 'ъ': "", 'ё': "e",
}

var ukInitial = map[rune]string{'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya"}

// ruTable is BGN/PCGN 1947 for Russian, without diacritics and with е
// written e (ye after vowels is handled in translit).
var ruTable = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	// Ukrainian letters met in mixed text.
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
}

func translit(s string, table map[rune]string, ukrainian bool) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	prev := ' '
	rs := []rune(s)
	for i, r := range rs {
		initial := prev == ' '
		switch {
		case ukrainian && r == 'з' && i+1 < len(rs) && rs[i+1] == 'г':
			b.WriteString("zg") // KMU: зг → zgh, so the г that follows adds "h"
		case ukrainian && initial && ukInitial[r] != "":
			b.WriteString(ukInitial[r])
		case !ukrainian && r == 'е' && (initial || isCyrVowel(prev) || prev == 'ь' || prev == 'ъ'):
			b.WriteString("ye")
		default:
			if t, ok := table[r]; ok {
				b.WriteString(t)
			} else if r < 0x400 || r > 0x4ff {
				b.WriteRune(r) // archaic and non-Slavic Cyrillic letters are dropped
			}
		}
		prev = r
	}
	return b.String()
}

func isCyrVowel(r rune) bool {
	return strings.ContainsRune("аеёиоуыэюяіїє", r)
}
