package dedup

import (
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
)

// ShingleWords is the number of consecutive words in one shingle. Four words
// keep shared stock phrases ("the regional governor said") from making two
// independent articles look alike, while a copy with a few edited words still
// shares most of its shingles with the original.
const ShingleWords = 4

// wordHashes appends the xxhash of every normalised word of text to dst.
// A word is a maximal run of letters and digits, lower-cased.
func wordHashes(dst []uint64, text string) []uint64 {
	var buf [64]byte
	w := buf[:0]
	flush := func() {
		if len(w) > 0 {
			dst = append(dst, xxhash.Sum64(w))
			w = w[:0]
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				w = append(w, c)
			case 'A' <= c && c <= 'Z':
				w = append(w, c+'a'-'A')
			default:
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			w = utf8.AppendRune(w, unicode.ToLower(r))
		} else {
			flush()
		}
	}
	flush()
	return dst
}

// mix64 is the splitmix64 finaliser: it spreads every input bit over the
// whole output, so that combined word hashes behave like fresh hashes.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// shingleHashes turns word hashes into hashes of every ShingleWords-word
// window, in place in dst. A text shorter than one shingle yields one
// shingle of all its words; an empty text yields none.
func shingleHashes(dst, words []uint64) []uint64 {
	dst = dst[:0]
	n := len(words)
	if n == 0 {
		return dst
	}
	k := min(ShingleWords, n)
	for i := 0; i+k <= n; i++ {
		var h uint64 = 0x9e3779b97f4a7c15
		for _, w := range words[i : i+k] {
			h = (h ^ w) * 0x100000001b3
			h = mix64(h)
		}
		dst = append(dst, h)
	}
	return dst
}
