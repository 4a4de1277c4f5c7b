package extract

import (
	"strings"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// The Cyrillic weapon catalogue. Russian and Ukrainian nouns inflect
// ("беспилотник", "беспилотника", "беспилотников", "безпілотниками"), so
// an alias is a sequence of word stems, each matching any word that starts
// with it; a stem written "=каб" must match the whole word, for short
// abbreviations that open unrelated words ("кабинет"). Kinds and models
// are those of weapons.tsv, so reports compare across languages.
type cyrWeapon struct {
	stems []string
	upper bool // the first word must be capitalised ("Калибр", not "калибр" the calibre)
	weaponEntry
}

func cw(stems string, kind, model string, user model.Side) cyrWeapon {
	return cyrWeapon{stems: strings.Fields(stems), weaponEntry: weaponEntry{Kind: kind, Model: model, User: user}}
}

// cyrWeapons is matched longest first.
var cyrWeapons = []cyrWeapon{
	cw("беспилотн", "drone", "", ""), cw("безпілотн", "drone", "", ""), cw("=бпла", "drone", "", ""),
	cw("=бпл", "drone", "", ""), cw("=бла", "drone", "", ""), cw("=бпла-камикадзе", "drone", "", ""),
	cw("дрон", "drone", "", ""), cw("квадрокоптер", "drone", "", ""),
	cw("шахед", "drone", "Shahed-136", model.SideRU), cw("геран", "drone", "Shahed-136", model.SideRU),
	cw("гербер", "drone", "Gerbera", model.SideRU), cw("ланцет", "drone", "Lancet", model.SideRU),
	cw("=fpv", "fpv_drone", "", ""), cw("fpv-", "fpv_drone", "", ""), cw("=фпв", "fpv_drone", "", ""),
	cw("крылат ракет", "cruise_missile", "", ""), cw("крилат ракет", "cruise_missile", "", ""),
	cw("баллистическ ракет", "ballistic_missile", "", ""), cw("балістичн ракет", "ballistic_missile", "", ""),
	cw("ракет", "missile", "", ""), cw("балістик", "ballistic_missile", "", ""), cw("баллистик", "ballistic_missile", "", ""),
	cw("=искандер-к", "cruise_missile", "Iskander-K", model.SideRU), cw("=іскандер-к", "cruise_missile", "Iskander-K", model.SideRU),
	cw("искандер", "ballistic_missile", "Iskander-M", model.SideRU), cw("іскандер", "ballistic_missile", "Iskander-M", model.SideRU),
	{stems: []string{"калибр"}, upper: true, weaponEntry: weaponEntry{Kind: "cruise_missile", Model: "Kalibr", User: model.SideRU}},
	{stems: []string{"калібр"}, upper: true, weaponEntry: weaponEntry{Kind: "cruise_missile", Model: "Kalibr", User: model.SideRU}},
	cw("=х-101", "cruise_missile", "Kh-101", model.SideRU), cw("=х-555", "cruise_missile", "Kh-555", model.SideRU),
	cw("=х-55", "cruise_missile", "Kh-55", model.SideRU), cw("=х-22", "cruise_missile", "Kh-22", model.SideRU),
	cw("=х-32", "cruise_missile", "Kh-32", model.SideRU), cw("=х-59", "cruise_missile", "Kh-59", model.SideRU),
	cw("=х-69", "cruise_missile", "Kh-69", model.SideRU), cw("=х-35", "cruise_missile", "Kh-35", model.SideRU),
	cw("=х-31п", "missile", "Kh-31P", model.SideRU), cw("=х-47м2", "ballistic_missile", "Kinzhal", model.SideRU),
	cw("кинжал", "ballistic_missile", "Kinzhal", model.SideRU), cw("кинджал", "ballistic_missile", "Kinzhal", model.SideRU),
	cw("циркон", "cruise_missile", "Zircon", model.SideRU), cw("оникс", "cruise_missile", "Oniks", model.SideRU),
	cw("онікс", "cruise_missile", "Oniks", model.SideRU), cw("орешник", "ballistic_missile", "Oreshnik", model.SideRU),
	cw("=kn-23", "ballistic_missile", "KN-23", model.SideRU), cw("=кн-23", "ballistic_missile", "KN-23", model.SideRU),
	cw("=с-300", "missile", "S-300", model.SideRU), cw("=с-400", "missile", "S-400", model.SideRU),
	cw("=atacms", "ballistic_missile", "ATACMS", model.SideUA), cw("=атакмс", "ballistic_missile", "ATACMS", model.SideUA),
	cw("=storm =shadow", "cruise_missile", "Storm Shadow", model.SideUA), cw("=scalp", "cruise_missile", "Storm Shadow", model.SideUA),
	cw("=шторм =шэдоу", "cruise_missile", "Storm Shadow", model.SideUA), cw("=шторм =шедоу", "cruise_missile", "Storm Shadow", model.SideUA),
	cw("нептун", "cruise_missile", "Neptune", model.SideUA), cw("фламинго", "cruise_missile", "Flamingo", model.SideUA),
	cw("фламінго", "cruise_missile", "Flamingo", model.SideUA), cw("=точка-у", "ballistic_missile", "Tochka-U", ""),
	cw("=himars", "mlrs", "HIMARS", model.SideUA), cw("хаймарс", "mlrs", "HIMARS", model.SideUA),
	cw("управляем авиабомб", "glide_bomb", "", ""), cw("керован авіабомб", "glide_bomb", "", ""),
	cw("управляем авиационн бомб", "glide_bomb", "", ""), cw("керован авіаційн бомб", "glide_bomb", "", ""),
	cw("авиабомб", "glide_bomb", "", ""), cw("авіабомб", "glide_bomb", "", ""),
	cw("авиационн бомб", "glide_bomb", "", ""), cw("авіаційн бомб", "glide_bomb", "", ""),
	cw("=каб", "glide_bomb", "KAB", model.SideRU), cw("=кабы", "glide_bomb", "KAB", model.SideRU),
	cw("=кабов", "glide_bomb", "KAB", model.SideRU), cw("=каби", "glide_bomb", "KAB", model.SideRU),
	cw("=кабів", "glide_bomb", "KAB", model.SideRU), cw("=кабами", "glide_bomb", "KAB", model.SideRU), cw("=кабом", "glide_bomb", "KAB", model.SideRU),
	cw("=уаб", "glide_bomb", "", ""), cw("=фаб-250", "glide_bomb", "FAB-250", model.SideRU),
	cw("=фаб-500", "glide_bomb", "FAB-500", model.SideRU), cw("=фаб-1500", "glide_bomb", "FAB-1500", model.SideRU),
	cw("=бомба", "glide_bomb", "", ""), cw("=бомбы", "glide_bomb", "", ""), cw("=бомб", "glide_bomb", "", ""),
	cw("=бомби", "glide_bomb", "", ""), cw("=бомбами", "glide_bomb", "", ""),
	cw("артиллер", "artillery", "", ""), cw("артилер", "artillery", "", ""), cw("миномет", "artillery", "", ""),
	cw("міномет", "artillery", "", ""), cw("снаряд", "artillery", "", ""),
	cw("=рсзо", "mlrs", "", ""), cw("реактивн снаряд", "mlrs", "", ""), cw("=град", "mlrs", "Grad", ""), cw("=градов", "mlrs", "Grad", ""),
	cw("=ураган", "mlrs", "Uragan", model.SideRU), cw("=смерч", "mlrs", "Smerch", model.SideRU),
	cw("=пво", "air_defense", "", ""), cw("=ппо", "air_defense", "", ""), cw("=зрк", "air_defense", "", ""),
	cw("противовоздушн оборон", "air_defense", "", ""), cw("протиповітрян оборон", "air_defense", "", ""),
	cw("=patriot", "air_defense", "Patriot", model.SideUA), cw("петріот", "air_defense", "Patriot", model.SideUA),
}

// cyrWeaponAt returns the longest Cyrillic weapon alias at toks[i] and its
// length in tokens.
func cyrWeaponAt(toks []token, i int) (weaponEntry, int, bool) {
	best, bestN := weaponEntry{}, 0
	for _, w := range cyrWeapons {
		if len(w.stems) <= bestN || i+len(w.stems) > len(toks) || w.upper && !toks[i].Upper {
			continue
		}
		ok := true
		for k, s := range w.stems {
			if !stemMatch(toks[i+k].Low, s) {
				ok = false
				break
			}
		}
		if ok {
			best, bestN = w.weaponEntry, len(w.stems)
		}
	}
	if bestN == 0 {
		return weaponEntry{}, 0, false
	}
	// "беспилотных летательных аппаратов самолётного типа", "ударных БпЛА
	// типа «Шахед»": the rest of the name, and a model in quotes.
	j := i + bestN
	for j < len(toks) && (strings.HasPrefix(toks[j].Low, "летательн") || strings.HasPrefix(toks[j].Low, "літальн") ||
		strings.HasPrefix(toks[j].Low, "аппарат") || strings.HasPrefix(toks[j].Low, "апарат")) {
		j++
	}
	if j+1 < len(toks) && (strings.HasPrefix(toks[j].Low, "самолетн") || strings.HasPrefix(toks[j].Low, "літаков")) &&
		(toks[j+1].Low == "типа" || toks[j+1].Low == "типу") {
		j += 2
	}
	if best.Model == "" && j < len(toks) && (toks[j].Low == "типа" || toks[j].Low == "типу" || toks[j].Low == "«" || toks[j].Low == "\"") {
		k := j
		if toks[k].Low == "типа" || toks[k].Low == "типу" {
			k++
		}
		if k < len(toks) && (toks[k].Low == "«" || toks[k].Low == "\"" || toks[k].Low == "“") {
			k++
		}
		if m, n, ok := cyrWeaponAt(toks, k); ok && m.Model != "" && family(m.Kind) == family(best.Kind) {
			best.Kind, best.Model, best.User = m.Kind, m.Model, m.User
			j = k + n
			if j < len(toks) && (toks[j].Low == "»" || toks[j].Low == "\"" || toks[j].Low == "”") {
				j++
			}
		}
	}
	return best, j - i, true
}

// stemMatch reports whether word w matches stem s ("=s" for a whole word).
func stemMatch(w, s string) bool {
	if e, ok := strings.CutPrefix(s, "="); ok {
		return w == e
	}
	return strings.HasPrefix(w, s)
}

// cyrFindWeapons returns every weapon named in toks, left to right.
func cyrFindWeapons(toks []token) []weaponMention {
	var out []weaponMention
	for i := 0; i < len(toks); i++ {
		if e, n, ok := cyrWeaponAt(toks, i); ok {
			out = append(out, weaponMention{e, i, i + n})
			i += n - 1
		}
	}
	return out
}
