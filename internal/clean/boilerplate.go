package clean

import (
	"regexp"
	"strings"
	"unicode"
)

// Whole-line patterns for widget and navigation vocabulary. Each matches a
// complete line (case-insensitive, trailing ':' '.' '»' '›' '>' ignored), so a
// sentence that merely contains "comment" or "share" is never touched. The
// patterns are grouped by the longest line they may match: a long line is
// prose however it begins, and testing only short lines against the short
// group keeps the scan cheap.
var boilerplateRules = []struct {
	maxLen int    // in bytes
	need   string // a lower-case word the line must contain, to skip the regexp cheaply
	re     *regexp.Regexp
}{
	{100, "", lineRE(
		// navigation residue
		`(?:back|go|return|scroll|jump) to (?:the )?top(?: of (?:the )?page)?`,
		`(?:top|bottom|end) of (?:the )?page`,
		`(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|menu|article|search|footer|main)`,
		`(?:breadcrumbs?|you are here)\s*:.*`,
		// section labels standing alone
		`(?:latest|trending|popular|breaking|live|exclusive|opinion|analysis|news|world|politics|business|sports?|culture|videos?|photos|podcasts?|newsletters?)`,
		`(?:main |site )?(?:menu|navigation)`, `toggle (?:navigation|menu)`, `(?:open|close) (?:menu|search)`,
		`home`, `search`, `sign in`, `log ?in`, `sign up`, `register`, `my account`, `account`,
		`home ?[>/»›|].*`,
		// sharing and following
		`share(?: this| the)?(?: article| story| post| page| video)?(?: on| via| to)?(?: \w+)?`,
		`(?:follow|find|join) us(?: on .+)?`,
		`(?:subscribe|sign up)\b(?: now| today| for free)?(?: (?:to|for|on) [^.!?]{1,80})?`,
		`(?:get|receive) (?:our|the) (?:\w+ ){0,3}newsletter.*`,
		// comment widgets
		`no comments?(?: yet)?`, `\d+ (?:comments?|replies|responses)`, `comments?(?: \(\d+\))?`,
		`post (?:a |your )?comment`, `(?:leave|add|write|post) (?:a |your )?(?:comment|reply|response)`,
		`comments? (?:are |is )?(?:closed|disabled)`, `be the first to (?:comment|reply).*`,
		`join the (?:conversation|discussion)`, `(?:show|view|load|hide|read|see) (?:all |more )?(?:\d+ )?comments?`,
		`(?:sign|log) in to (?:comment|reply|post).*`, `you must be logged in to .*`,
		`subscribe to: ?post comments(?: \(atom\))?`, `(?:newer|older) posts?(?: (?:newer|older) posts?)?(?: home)?`,
		`reply`, `report(?: comment| abuse)?`, `like`, `likes`,
		// reading aids
		`(?:read|see|watch|listen)(?: also| more| next)?(?: here)?`, `continue reading.*`,
		`read (?:the )?(?:full|whole|original) (?:story|article|report|text).*`,
		`(?:click|tap) here.*`, `\d+ min(?:ute)?s? read`, `(?:estimated )?reading time:? .+`,
		`(?:listen to|play) (?:this|the) (?:article|story|report)(?: \d+ min(?:ute)?s?)?`,
		`(?:posted|published|written) by [^.!?,;]{1,60}?(?: (?:at|on) [^.!?;]{1,30})?`,
		// advertising
		`advertisement`, `advert`, `ads?`, `sponsored(?: content)?`, `promoted`, `paid (?:content|partner)`,
		`(?:scroll|story|article) (?:to continue|continues)(?: below)?(?: with content)?(?: advertisement)?`,
		// footer links
		`(?:privacy(?: policy| notice)?|terms(?: of (?:use|service))?|cookie (?:policy|settings|preferences)|contact(?: us)?|about(?: us)?|imprint|impressum|sitemap|rss|accessibility|careers|advertise(?: with us)?)(?:\s*[|•·/]\s*.+)*`,
		// cookie banner buttons
		`(?:accept|reject|allow|decline)(?: all)?(?: cookies)?`, `manage (?:cookies|preferences|settings|consent)`, `got it`, `i agree`, `ok`,
		// page metadata lines
		`(?:last )?(?:updated|published|posted)(?: on| at)?:?\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?[0-9 .,:/|–-]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)?[0-9 .,:/|–-]*(?:[ap]\.?m\.?)?\s*(?:utc|gmt|[a-z]{2,4}t)?`,
		// the same widgets in Ukrainian and Russian
		`поділитися(?: в .+)?`, `поделиться(?: в .+)?`, `(?:коментарі|комментарии|коментарів|комментариев)(?: \(\d+\))?`,
		`\d+ (?:коментар\p{L}*|комментари\p{L}*)`, `(?:залишити|оставить|додати|добавить) (?:коментар|комментарий)`,
		`(?:підписуйтесь|підпишіться|подписывайтесь|подпишитесь)(?: на .+)?`, `реклама`, `наверх`,
	)},
	{300, "", lineRE(
		// inline promotions: "Read more: <another headline>"
		`(?:read|see|also read|read also|see also|read more|read next|related(?: article| story| coverage)?|more on this(?: story)?|watch|listen)\s*[:|»›>-]\s*.+`,
		`(?:читайте|дивіться|смотрите) (?:також|также|ще|еще|більше|больше)\s*[:|»›>-]?\s*.*`,
		// footer and legal
		`(?:©|\(c\)).*`, `copyright\b.*\d{4}.*`,
		// agency credit lines and picture credits
		`\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|research)(?: and (?:writing|editing))? by .+`,
		`our standards:.*`,
		`(?:photo|photograph|image|picture|video|illustration|graphic|фото|відео|видео)s?(?: credits?)?\s*[:©]\s*[^.!?]*(?:\.\s*[^.!?]{0,40})?`,
		// feed footers added by blog engines
		`the post .+ appeared first on .+`,
		`(?:tags|topics|categories|filed under|keywords)\s*:.*`,
	)},
	{300, "all rights reserved", lineRE(`.*all rights reserved.*`)},
	{200, "contributed", lineRE(`.*\bcontributed (?:to )?(?:this )?(?:report|story|article)(?:ing)?\b.*`)},
	{200, "inbox", lineRE(`.*\b(?:in|into|to) your inbox\b.*`)},
	{700, "cookie", lineRE(
		// cookie banners
		`.*\b(?:we|this (?:site|website)|our (?:site|website|partners)) uses? cookies\b.*`,
		`.*\bby (?:continuing|using this (?:site|website))\b.*\bcookies\b.*`,
	)},
}

func lineRE(alts ...string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:` + strings.Join(alts, "|") + `)$`)
}

// socialWords are the labels of share buttons; a line made only of them
// ("Facebook Twitter WhatsApp Email") is a share bar.
var socialWords = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "whatsapp": true, "telegram": true, "linkedin": true,
	"email": true, "e-mail": true, "mail": true, "print": true, "reddit": true, "pinterest": true,
	"copy": true, "link": true, "url": true, "tweet": true, "share": true, "vk": true, "viber": true,
	"messenger": true, "threads": true, "bluesky": true, "flipboard": true, "pocket": true, "tumblr": true,
	"instagram": true, "youtube": true, "tiktok": true, "save": true, "comment": true, "comments": true,
}

// isBoilerplate reports whether a whole line is widget, navigation, share,
// comment, advertising, cookie or footer residue.
func isBoilerplate(l string) bool {
	// Arrows, bullets and emoji around a label ("👉 Subscribe", "Back to
	// top ↑") decorate widgets as often as they start list items.
	t := strings.TrimLeftFunc(l, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '©' && r != '(' && r != '@' && r != '#'
	})
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ')' && r != '"' && r != '”' && r != '?' && r != '!'
	})
	if t == "" {
		return true
	}
	if mentionsOnly(t) {
		return true
	}
	lower := ""
	for _, r := range boilerplateRules {
		if len(t) > r.maxLen {
			continue
		}
		if r.need != "" {
			if lower == "" {
				lower = strings.ToLower(t)
			}
			if !strings.Contains(lower, r.need) {
				continue
			}
		}
		if r.re.MatchString(t) {
			return true
		}
	}
	return len(t) <= 200 && (isShareBar(t) || isNavBar(t)) || onlyDomains(t)
}

// shareFiller are the words that label a share bar ("Share this on:").
var shareFiller = map[string]bool{
	"this": true, "on": true, "via": true, "the": true, "article": true, "story": true, "post": true,
	"page": true, "with": true, "to": true, "us": true, "follow": true, "friends": true, "and": true,
}

// isNavBar reports a line of three or more short link labels joined by
// separators: "Home › War › Briefs", "Site · Standards · Contact". A
// slash is not a separator here: prose lists places as "A / B / C".
func isNavBar(t string) bool {
	if !strings.ContainsAny(t, "|·•›»>") {
		return false
	}
	segs := strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune("|·•›»>", r) })
	if len(segs) < 3 {
		return false
	}
	for _, s := range segs {
		s = strings.TrimSpace(s)
		if s == "" || words(s) > 4 || endsSentence(s) {
			return false
		}
	}
	return true
}

// mentionsOnly reports a line of bare @handles, a channel signature.
func mentionsOnly(t string) bool {
	if t == "" || t[0] != '@' {
		return false
	}
	fs := strings.Fields(t)
	if len(fs) == 0 || len(fs) > 5 {
		return false
	}
	for _, f := range fs {
		if len(f) < 2 || f[0] != '@' {
			return false
		}
	}
	return true
}

func isShareBar(t string) bool {
	sep := func(r rune) bool {
		return r == ' ' || r == '|' || r == '•' || r == '·' || r == ',' || r == '/' || r == ':'
	}
	if i := strings.IndexFunc(t, sep); i > 0 {
		if first := strings.ToLower(t[:i]); !socialWords[first] && !shareFiller[first] {
			return false
		}
	}
	fs := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return r == ' ' || r == '|' || r == '•' || r == '·' || r == ',' || r == '/' || r == ':'
	})
	if len(fs) == 0 || len(fs) > 12 {
		return false
	}
	social := 0
	for _, f := range fs {
		switch {
		case socialWords[f]:
			social++
		case !shareFiller[f]:
			return false
		}
	}
	return social > 0
}

// Section headings that open a block which is not part of the article.
var (
	// listHeading opens a list of other headlines.
	listHeading = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
		`(?:recent|latest|related|more|top|popular|trending|other|similar|recommended|featured|further|breaking)(?: now)?(?: news| stories| articles| posts| reads| headlines| videos| coverage| topics| content| briefs| updates| reports| from us)?(?: for you| from .{1,40}| on .{1,40}| in .{1,40})?`,
		`most (?:read|popular|viewed|shared|commented|recent|watched)(?: news| stories| articles)?(?: (?:today|this week))?`,
		`you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in)`, `(?:also|read) (?:read|also|next|more)`,
		`see also`, `editor'?s'? (?:picks|choice)`, `what to read next`, `in other news`, `don't miss`, `up next`,
		`more (?:from|on|in|about) .{1,50}`, `(?:останні|последние|популярні|популярные|схожі|похожие) (?:новини|новости|статті|статьи|матеріали|материалы)`,
		`(?:читайте|дивіться|смотрите) (?:також|также)`, `(?:news|stories) (?:from|in) .{1,40}`, `popular (?:today|now|this week)`,
	}, "|") + `)$`)
	// commentHeading opens a reader-comment section.
	commentHeading = regexp.MustCompile(`(?i)^(?:\d+ )?(?:comments?|responses?|replies|discussion|reader comments|(?:leave|post|add|write) (?:a |your )?(?:comment|reply)|join the (?:conversation|discussion)|what do you think\??|have your say|коментар\p{L}*|комментари\p{L}*|(?:залишити|оставить|додати|добавить|написати|написать) (?:коментар|комментарий))(?: \(\d+\))?$`)
)

func headingText(l string) string { return strings.TrimRight(l, ":.»›> ") }
