package merge

import (
	"strings"
	"unicode"

	"github.com/sitrep-osint/sitrep/internal/model"
)

// Role is what kind of source a publisher is, for the verification ladder.
type Role string

// Publisher roles.
const (
	RolePress      Role = "press"       // independent outlets, wires, aggregators
	RoleOfficial   Role = "official"    // a belligerent's authorities, military or officials' own channels
	RoleStateMedia Role = "state_media" // a belligerent's state news agencies and broadcasters
)

// officialCues are words in a publisher's name that mark an official
// channel: authorities speak for a side, they are not independent press.
var officialCues = []string{
	"mayor", "military administration", "regional administration", "oblast administration", "city council",
	"city administration", "ministry", "general staff", "armed forces", "air force", "command", "governor",
	"president", "police", "emergency service", "border guard", "navy", "defence forces", "defense forces",
	"national guard", "prosecutor", "office of", "administration", "головнокомандувач", "міністерство",
	"генштаб", "повітряні сили", "військова адміністрація", "міська рада", "мер", "дснс", "минобороны",
	"министерство", "губернатор",
}

// stateMediaCues are names of belligerents' state news brands.
var stateMediaCues = []struct {
	cue  string
	side model.Side
}{
	{"tass", model.SideRU}, {"ria novosti", model.SideRU}, {"ria", model.SideRU}, {"sputnik", model.SideRU},
	{"russia today", model.SideRU}, {"vesti", model.SideRU}, {"zvezda", model.SideRU}, {"izvestia", model.SideRU},
	{"rossiyskaya gazeta", model.SideRU}, {"rossiya 24", model.SideRU}, {"channel one russia", model.SideRU},
	{"тасс", model.SideRU}, {"риа", model.SideRU}, {"вести", model.SideRU}, {"звезда", model.SideRU},
	{"ukrinform", model.SideUA}, {"укрінформ", model.SideUA},
}

// sideCues place an official publisher on a side by its name.
var sideCues = []struct {
	cue  string
	side model.Side
}{
	{"russia", model.SideRU}, {"moscow", model.SideRU}, {"kremlin", model.SideRU}, {"росси", model.SideRU}, {"рф", model.SideRU},
	{"ukrain", model.SideUA}, {"україн", model.SideUA}, {"kyiv", model.SideUA}, {"kiev", model.SideUA},
	{"kharkiv", model.SideUA}, {"odesa", model.SideUA}, {"odessa", model.SideUA}, {"lviv", model.SideUA},
	{"dnipro", model.SideUA}, {"zaporizh", model.SideUA}, {"kherson", model.SideUA}, {"mykolaiv", model.SideUA},
	{"sumy", model.SideUA}, {"chernihiv", model.SideUA}, {"poltava", model.SideUA}, {"donetsk regional", model.SideUA},
	{"київ", model.SideUA}, {"харків", model.SideUA}, {"одес", model.SideUA},
}

// PublisherRole classifies a publisher. kind is the operator's label for
// the source (sources.kind): when it says "official", "state media" or
// "press" that wins; otherwise the publisher's name is read for cues
// ("… Military Administration", "Air Force Command", "TASS"). The side is
// read from the name too, and is "" when the name does not say.
func PublisherRole(name, kind string) (Role, model.Side) {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	side := model.Side("")
	for _, c := range sideCues {
		if hasCue(words, c.cue) {
			side = c.side
			break
		}
	}
	k := strings.ToLower(kind)
	switch {
	case strings.Contains(k, "state") && strings.Contains(k, "media"):
		return RoleStateMedia, side
	case strings.Contains(k, "official"):
		return RoleOfficial, side
	case strings.Contains(k, "press"), strings.Contains(k, "outlet"), strings.Contains(k, "wire"):
		return RolePress, ""
	}
	for _, c := range stateMediaCues {
		if hasCue(words, c.cue) {
			return RoleStateMedia, c.side
		}
	}
	for _, c := range officialCues {
		if hasCue(words, c) {
			return RoleOfficial, side
		}
	}
	return RolePress, ""
}

// hasCue matches a cue against a name's words: a one-word cue matches the
// start or the end of a word ("RusVesti" has "vesti", "Ukrainian" has
// "ukrain", but "investigative" has neither "vesti" nor "ria"); a phrase
// must appear as whole words.
func hasCue(words []string, cue string) bool {
	if strings.Contains(cue, " ") {
		return strings.Contains(" "+strings.Join(words, " ")+" ", " "+cue+" ")
	}
	for _, w := range words {
		if len([]rune(cue)) <= 3 {
			if w == cue {
				return true
			}
			continue
		}
		if strings.HasPrefix(w, cue) || strings.HasSuffix(w, cue) {
			return true
		}
	}
	return false
}
