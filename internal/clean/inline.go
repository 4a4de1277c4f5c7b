package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// inline applies the within-line rules to one trimmed line and re-trims it.
func inline(l string) string {
	if strings.ContainsAny(l, "*_#[!") {
		l = stripMarkdown(l)
	}
	if hasDomainShape(strings.ToLower(l)) {
		l = stripCitations(l)
	}
	if strings.Contains(l, "[") {
		l = footnote.ReplaceAllString(l, "")
	}
	l = stripReadMore(l)
	return strings.Join(strings.Fields(l), " ")
}

var (
	mdImage    = regexp.MustCompile(`!\[[^\]\n]*\]\([^)\s]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]\n]+)\]\((?:https?://|/)[^)\s]*\)`)
	mdHeading  = regexp.MustCompile(`^#{1,6}\s+`)
	mdStrong   = regexp.MustCompile(`(\*\*|__)(\S(?:[^*_\n]*?\S)?)(\*\*|__)`)
	mdEmphasis = regexp.MustCompile(`(^|[^\p{L}\p{N}*])\*(\S(?:[^*\n]*?\S)?)\*($|[^\p{L}\p{N}*])`)
	footnote   = regexp.MustCompile(`\[(?:\d{1,3}|citation needed|edit)\]`)
	// readMore is a "continue reading" link or an elision mark that a feed
	// summary appends after its last sentence.
	readMore = regexp.MustCompile(`(?i)([.!?…"”»])\s*(?:\[(?:…|\.\.\.)\]|(?:\[(?:…|\.\.\.)\]\s*)?(?:continue reading|read more|keep reading|read the (?:full|rest of the|whole) (?:story|article|post)|full story|читати далі|читать далее|детальніше|подробнее)\b[^.!?]{0,40})$`)
)

// stripReadMore removes a trailing "continue reading" link. Only the
// line's tail is searched, since the link is short and ends the line.
func stripReadMore(l string) string {
	cut := max(0, len(l)-120)
	for cut > 0 && !utf8.RuneStart(l[cut]) {
		cut--
	}
	tail := l[cut:]
	if !mentionsAny(strings.ToLower(tail), readMoreWords) {
		return l
	}
	if n := readMore.ReplaceAllString(tail, "$1"); n != tail {
		return l[:cut] + n
	}
	return l
}

// readMoreWords are the fragments readMore can match; a tail without any
// of them skips the regexp.
var readMoreWords = []string{"read", "continu", "story", "…]", "...]", "далі", "далее", "детальн", "подробн"}

func mentionsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hasDomainShape reports whether s contains "x.yz": a lower-case letter or
// digit, a dot, and a lower-case letter, as every domain name does.
func hasDomainShape(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && isLowerAlnum(s[i-1]) && s[i+1] >= 'a' && s[i+1] <= 'z' {
			return true
		}
	}
	return false
}

func isLowerAlnum(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') }

// stripMarkdown removes markdown markup that scrapers leave in text:
// emphasis (*Title*, **bold**, __bold__), headings, images and link
// targets. Decision: markers go and the words stay, so "*The Times*"
// becomes "The Times" in every format alike. Single underscores are left
// alone because they occur in identifiers and URLs.
func stripMarkdown(l string) string {
	l = mdImage.ReplaceAllString(l, "")
	l = mdLink.ReplaceAllString(l, "$1")
	l = mdHeading.ReplaceAllString(l, "")
	for {
		n := mdStrong.ReplaceAllStringFunc(l, func(m string) string {
			sm := mdStrong.FindStringSubmatch(m)
			if sm[1] != sm[3] {
				return m
			}
			return sm[2]
		})
		n = mdEmphasis.ReplaceAllString(n, "$1$2$3")
		if n == l {
			return l
		}
		l = n
	}
}

// A domain name as it appears in citation residue: lower-case labels and a
// final alphabetic label ("apnews.com", "en.wikipedia.org").
const domainPat = `(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,12}`

var (
	// counted matches a chain of domains with "+N" counters, as left by
	// copying a chat assistant's source chips: "a.com+2b.org+1".
	counted = regexp.MustCompile(`(?i)(?:` + domainPat + `(?:\+\d{1,3})?)*` + domainPat + `\+\d{1,3}(?:` + domainPat + `(?:\+\d{1,3})?)*`)
	// bareEnd matches a bare domain that closes a sentence: "… in Denmark
	// apnews.com." The sentence's own full stop is kept.
	bareEnd = regexp.MustCompile(` \(?(` + domainPat + `)\)?([.,;]?)( |$)`)
)

// commonTLDs are the generic top-level domains accepted for a bare trailing
// citation; any two-letter country code is accepted as well.
var commonTLDs = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "int": true, "mil": true,
	"info": true, "news": true, "io": true, "online": true, "media": true, "press": true,
	"today": true, "tv": true, "blog": true, "site": true, "world": true, "live": true,
}

// citeKeepAfter are words after which a domain is part of the sentence
// ("according to example.com.", "visit example.org") and must stay. "site"
// is not among them: news text speaks of strike and construction sites far
// more often than of web sites.
var citeKeepAfter = map[string]bool{
	"to": true, "at": true, "on": true, "in": true, "from": true, "by": true, "via": true,
	"visit": true, "see": true, "of": true, "the": true, "a": true, "an": true, "and": true,
	"or": true, "website": true, "portal": true, "told": true, "per": true,
	"like": true, "as": true, "with": true, "for": true, "outlet": true, "domain": true,
	"address": true, "is": true, "was": true, "called": true, "named": true,
}

// stripCitations removes citation residue glued into sentences: counted
// domain chains anywhere, and a bare domain standing where a sentence ends
// after a content word.
func stripCitations(l string) string {
	if strings.Contains(l, "+") {
		l = replaceBounded(l, counted)
	}
	for range 8 { // several bare domains can trail one sentence
		n := stripBareEnd(l)
		if n == l {
			break
		}
		l = n
	}
	return l
}

// replaceBounded deletes matches of re that start at a word boundary,
// together with the space before them.
func replaceBounded(l string, re *regexp.Regexp) string {
	idx := re.FindAllStringIndex(l, -1)
	if idx == nil {
		return l
	}
	var b strings.Builder
	last := 0
	for _, m := range idx {
		start := m[0]
		if start > 0 {
			r, _ := utf8.DecodeLastRuneInString(l[:start])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '@' || r == '/' {
				continue // inside a longer token such as a URL or an e-mail address
			}
		}
		b.WriteString(strings.TrimRight(l[last:start], " "))
		last = m[1]
	}
	b.WriteString(l[last:])
	return b.String()
}

func stripBareEnd(l string) string {
	for _, m := range bareEnd.FindAllStringSubmatchIndex(l, -1) {
		dom := l[m[2]:m[3]]
		if !citationDomain(dom) {
			continue
		}
		before := strings.Fields(l[:m[0]])
		if len(before) == 0 {
			continue
		}
		prev := strings.ToLower(strings.Trim(before[len(before)-1], `"'“”‘’()`))
		if endsSentence(prev) && m[7] == len(l) && len(prev) > 4 && !strings.Contains(strings.TrimRight(prev, ".!?…"), ".") {
			// "…were resolved. example.com": a chip after the full stop.
			return l[:m[0]]
		}
		if citeKeepAfter[prev] || endsSentence(prev) {
			continue
		}
		punct := l[m[4]:m[5]]
		if punct == "" && m[7] < len(l) {
			continue // mid-sentence mention without punctuation
		}
		if punct == "" {
			punct = "."
		}
		return l[:m[0]] + punct + l[m[6]:]
	}
	return l
}

// domainList matches a line made only of cited domains.
var domainList = regexp.MustCompile(`(?i)^\(?` + domainPat + `(?:\+\d{1,3})?\)?(?:[\s,;|·•]+\(?` + domainPat + `(?:\+\d{1,3})?\)?)*$`)

// onlyDomains reports whether a line is nothing but citation domains
// ("apnews.com", "reuters.com, bbc.co.uk").
func onlyDomains(l string) bool {
	if len(l) > 300 || !domainList.MatchString(l) {
		return false
	}
	for _, f := range strings.FieldsFunc(strings.ToLower(l), func(r rune) bool { return strings.ContainsRune(" ,;|·•()", r) }) {
		if i := strings.IndexByte(f, '+'); i >= 0 {
			f = f[:i]
		}
		if !citationDomain(f) {
			return false
		}
	}
	return true
}

// citationDomain reports whether s looks like a news site's host name
// rather than a file name or abbreviation.
func citationDomain(s string) bool {
	i := strings.LastIndexByte(s, '.')
	tld := s[i+1:]
	if !commonTLDs[tld] && len(tld) != 2 {
		return false
	}
	label := s[:i]
	if j := strings.LastIndexByte(label, '.'); j >= 0 {
		label = label[j+1:]
	}
	return len(label) >= 2 && strings.IndexFunc(label, unicode.IsLetter) >= 0
}
