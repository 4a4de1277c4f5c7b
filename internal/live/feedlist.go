package live

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"github.com/sitrep-osint/sitrep/internal/fetch"
	"io"
	"net/url"
	"os"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep-osint/sitrep/internal/store"
)

// ErrFeedURL is wrapped by errors about a feed URL that cannot be polled.
var ErrFeedURL = errors.New("invalid feed URL")

// CheckFeedURL returns an error wrapping ErrFeedURL unless raw is an
// absolute http or https URL with a host and no spaces (two URLs on one
// line of a feed list are a mistake, not a path).
func CheckFeedURL(raw string) error {
	if strings.ContainsFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return fmt.Errorf("%w: %q: contains spaces", ErrFeedURL, raw)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("%w: %q: %v", ErrFeedURL, raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: %q: want an http or https URL", ErrFeedURL, raw)
	}
	return nil
}

// CheckFeedURLAddress is CheckFeedURL plus, unless allowPrivate, the
// refusal of a URL whose host is a private address or localhost, which the
// poller would refuse at every poll.
func CheckFeedURLAddress(raw string, allowPrivate bool) error {
	if err := CheckFeedURL(raw); err != nil {
		return err
	}
	if allowPrivate {
		return nil
	}
	u, _ := url.Parse(raw) // parsed by CheckFeedURL above
	if err := fetch.CheckHost(u.Hostname()); err != nil {
		return fmt.Errorf("%w: %q: %w", ErrFeedURL, raw, err)
	}
	return nil
}

// ReadFeedList reads feed URLs, one per line. Blank lines and lines whose
// first non-space character is # are skipped, as is anything after " #".
// An invalid URL is an error naming its line.
func ReadFeedList(r io.Reader) ([]string, error) {
	var urls []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := CheckFeedURL(line); err != nil {
			return nil, fmt.Errorf("live: feed list line %d: %w", n, err)
		}
		urls = append(urls, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("live: feed list: %w", err)
	}
	return urls, nil
}

// AddFeedFile adds every feed listed in the file at path (see ReadFeedList)
// to the feeds table, polled every interval (DefaultFeedInterval when 0).
// Feeds already stored keep their state. It returns how many were new.
// "sitrep serve --feeds FILE" calls it at start-up.
func AddFeedFile(ctx context.Context, st *store.Store, path string, interval time.Duration) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("live: feed list: %w", err)
	}
	defer f.Close()
	urls, err := ReadFeedList(f)
	if err != nil {
		return 0, fmt.Errorf("%w (%s)", err, path)
	}
	if interval <= 0 {
		interval = DefaultFeedInterval
	}
	added := 0
	for _, u := range urls {
		_, isNew, err := st.AddFeed(ctx, u, interval)
		if err != nil {
			return added, fmt.Errorf("live: feed list: %w", err)
		}
		if isNew {
			added++
		}
	}
	return added, nil
}
