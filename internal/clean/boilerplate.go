package clean

import (
	"regexp"
	"strings"
)

// Whole-line patterns for widget and navigation vocabulary. Each matches a
// complete line (case-insensitive, trailing ':' '.' '»' '›' '>' ignored), so a
// sentence that merely contains "comment" or "share" is never touched.
var boilerplateLines = regexp.MustCompile(`(?i)^(?:` + strings.Join([]string{
	// navigation residue
	`(?:back|go|return|scroll|jump) to (?:the )?top(?: of (?:the )?page)?`,
	`(?:top|bottom|end) of (?:the )?page`,
	`skip to (?:the )?(?:main )?(?:content|navigation|menu|article|search|footer|main)`,
	`(?:main |site )?(?:menu|navigation)`, `toggle (?:navigation|menu)`, `(?:open|close) (?:menu|search)`,
	`home`, `search`, `sign in`, `log ?in`, `sign up`, `register`, `my account`, `account`,
	`home ?[>/»›|].*`,
	// sharing
	`share(?: this| the)?(?: article| story| post| page| video)?(?: on| via| to)?(?: \w+)?`,
	`(?:follow|find|join) us(?: on .{1,60})?`,
	`(?:subscribe|sign up)(?: now| today| for free)?(?: (?:to|for) (?:our|the) (?:\w+ ){0,3}(?:newsletter|channel|updates|alerts))?.{0,60}`,
	`(?:get|receive) (?:our|the) (?:\w+ ){0,3}newsletter.{0,80}`,
	// comment widgets
	`no comments?(?: yet)?`, `\d+ (?:comments?|replies|responses)`, `comments?(?: \(\d+\))?`,
	`post (?:a |your )?comment`, `(?:leave|add|write|post) (?:a |your )?(?:comment|reply|response)`,
	`comments? (?:are |is )?(?:closed|disabled)`, `be the first to (?:comment|reply).*`,
	`join the (?:conversation|discussion)`, `(?:show|view|load|hide|read|see) (?:all |more )?(?:\d+ )?comments?`,
	`(?:sign|log) in to (?:comment|reply|post).*`, `you must be logged in to .{0,60}`,
	`subscribe to: ?post comments(?: \(atom\))?`, `(?:newer|older) posts?(?: (?:newer|older) posts?)?(?: home)?`,
	`reply`, `report(?: comment| abuse)?`, `like`, `likes`,
	// inline promotions and reading aids
	`(?:read|see|watch|listen)(?: also| more| next)?(?: here)?`, `continue reading.{0,60}`,
	`(?:read|see|also read|read also|see also|read more|read next|related(?: article| story| coverage)?|more on this(?: story)?|watch|listen)\s*[:|»›>-]\s*.{1,200}`,
	`read (?:the )?(?:full|whole|original) (?:story|article|report|text).{0,60}`,
	`(?:click|tap) here.{0,100}`, `\d+ min(?:ute)?s? read`, `(?:estimated )?reading time:? .{1,20}`,
	// advertising
	`advertisement`, `advert`, `ads?`, `sponsored(?: content)?`, `promoted`, `paid (?:content|partner)`,
	`(?:scroll|story|article) (?:to continue|continues)(?: below)?(?: with content)?(?: advertisement)?`,
	// footer and legal
	`(?:©|\(c\)|copyright\b).{0,200}`, `.{0,150}all rights reserved\.?.{0,60}`,
	`(?:privacy(?: policy| notice)?|terms(?: of (?:use|service))?|cookie (?:policy|settings|preferences)|contact(?: us)?|about(?: us)?|imprint|impressum|sitemap|rss|accessibility|careers|advertise(?: with us)?)(?:\s*[|•·/,]\s*.{1,40})*`,
	// cookie banners
	`(?:accept|reject|allow|decline)(?: all)?(?: cookies)?`, `manage (?:cookies|preferences|settings|consent)`, `got it`, `i agree`, `ok`,
	`.{0,200}\b(?:we|this (?:site|website)|our (?:site|website|partners)) uses? cookies\b.{0,300}`,
	`.{0,200}\bby (?:continuing|using this (?:site|website))\b.{0,100}\bcookies\b.{0,200}`,
	// feed footers added by blog engines
	`the post .{1,250} appeared first on .{1,120}`,
	// the same widgets in Ukrainian and Russian
	`поділитися(?: в .{1,30})?`, `поделиться(?: в .{1,30})?`, `(?:коментарі|комментарии|коментарів|комментариев)(?: \(\d+\))?`,
	`\d+ (?:коментар\p{L}*|комментари\p{L}*)`, `(?:залишити|оставить|додати|добавить) (?:коментар|комментарий)`,
	`(?:підписуйтесь|підпишіться|подписывайтесь|подпишитесь)(?: на .{1,80})?`, `реклама`, `наверх`,
	`(?:читайте|дивіться|смотрите) (?:також|также|ще|еще|більше|больше)\s*[:|»›>-]?\s*.{0,200}`,
	// page metadata lines
	`(?:tags|topics|categories|filed under|keywords)\s*:.{0,200}`,
	`(?:updated|published|posted|last updated)(?: on| at)?:? .{0,40}\d.{0,30}`,
}, "|") + `)$`)

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
	if len(l) > 600 {
		return false
	}
	t := strings.TrimRight(l, ":.»›> ")
	if t == "" {
		return true
	}
	if boilerplateLines.MatchString(t) {
		return true
	}
	return isShareBar(t)
}

// shareFiller are the words that label a share bar ("Share this on:").
var shareFiller = map[string]bool{
	"this": true, "on": true, "via": true, "the": true, "article": true, "story": true, "post": true,
	"page": true, "with": true, "to": true, "us": true, "follow": true, "friends": true, "and": true,
}

func isShareBar(t string) bool {
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
		`(?:recent|latest|related|more|top|popular|trending|other|similar|recommended|featured|further|breaking)(?: now)?(?: news| stories| articles| posts| reads| headlines| videos| coverage| topics| content)?(?: for you| from .{1,40}| on .{1,40}| in .{1,40})?`,
		`most (?:read|popular|viewed|shared|commented|recent|watched)(?: news| stories| articles)?(?: (?:today|this week))?`,
		`you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in)`, `(?:also|read) (?:read|also|next|more)`,
		`see also`, `editor'?s'? (?:picks|choice)`, `what to read next`, `in other news`, `don't miss`, `up next`,
		`more (?:from|on|in|about) .{1,50}`, `(?:останні|последние|популярні|популярные|схожі|похожие) (?:новини|новости|статті|статьи|матеріали|материалы)`,
		`(?:читайте|дивіться|смотрите) (?:також|также)`, `(?:news|stories) (?:from|in) .{1,40}`, `popular (?:today|now|this week)`,
	}, "|") + `)$`)
	// commentHeading opens a reader-comment section.
	commentHeading = regexp.MustCompile(`(?i)^(?:\d+ )?(?:comments?|responses?|replies|discussion|reader comments|(?:leave|post|add|write) (?:a |your )?(?:comment|reply)|join the (?:conversation|discussion)|what do you think\??|have your say)(?: \(\d+\))?$`)
)

func headingText(l string) string { return strings.TrimRight(l, ":.»›> ") }
