package dedup

import (
	"encoding/binary"
	"errors"
	"sync"
)

// Signature parameters. Changing them changes the stored encoding version,
// so signatures written by older code are recomputed, never misread.
const (
	SignatureSize = 64 // MinHash values per document
	Bands         = 21 // LSH bands
	Rows          = 3  // values per band; Bands*Rows <= SignatureSize
	sigVersion    = 1
)

// Signature is a document's MinHash signature.
type Signature [SignatureSize]uint32

// Sketch is a signature with the number of distinct-position shingles it
// was computed from, which turns a Jaccard estimate into a containment
// estimate (how much of the shorter text the longer one contains).
type Sketch struct {
	Sig      Signature
	Shingles uint32
}

// permA and permB are the multiply-add constants of the SignatureSize hash
// functions, derived from a fixed seed so that signatures are stable across
// runs and machines. permA is odd so each function is a bijection on uint64.
var permA, permB = func() (a, b [SignatureSize]uint64) {
	s := uint64(0x5173_7265_7064_6564) // "sitrepdedup"-ish seed
	for i := range a {
		s += 0x9e3779b97f4a7c15
		a[i] = mix64(s) | 1
		s += 0x9e3779b97f4a7c15
		b[i] = mix64(s)
	}
	return a, b
}()

// scratch holds per-call buffers, reused to keep Signature allocation-free.
type scratch struct{ words, shingles []uint64 }

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

// Compute returns the MinHash sketch of text and whether the text had any
// words at all (an empty text has no meaningful signature).
func Compute(text string) (Sketch, bool) {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.words = wordHashes(sc.words[:0], text)
	sc.shingles = shingleHashes(sc.shingles, sc.words)
	var sk Sketch
	if len(sc.shingles) == 0 {
		return sk, false
	}
	sk.Shingles = uint32(len(sc.shingles))
	sig := &sk.Sig
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, h := range sc.shingles {
		for i := range sig {
			v := uint32((permA[i]*h + permB[i]) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sk, true
}

// Similarity estimates the Jaccard similarity of the two documents' shingle
// sets: the share of signature positions that are equal.
func Similarity(a, b *Signature) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / SignatureSize
}

// bandKey hashes band i of sig; the band number is mixed in so that equal
// values in different bands do not collide.
func bandKey(sig *Signature, i int) uint64 {
	h := uint64(i+1) * 0x9e3779b97f4a7c15
	for _, v := range sig[i*Rows : (i+1)*Rows] {
		h = mix64(h ^ uint64(v))
	}
	return h
}

// ErrSignatureFormat is returned when a stored signature has another version
// or length than this code writes.
var ErrSignatureFormat = errors.New("dedup: unknown signature format")

// encodedLen is the length of an encoded sketch.
const encodedLen = 1 + 4 + 4*SignatureSize

// Encode returns the sketch as stored in documents.minhash: a version byte,
// the shingle count and the signature values, little-endian.
func (s *Sketch) Encode() []byte {
	out := make([]byte, encodedLen)
	out[0] = sigVersion
	binary.LittleEndian.PutUint32(out[1:], s.Shingles)
	for i, v := range s.Sig {
		binary.LittleEndian.PutUint32(out[5+4*i:], v)
	}
	return out
}

// Decode parses a stored sketch.
func Decode(b []byte) (Sketch, error) {
	var s Sketch
	if len(b) != encodedLen || b[0] != sigVersion {
		return s, ErrSignatureFormat
	}
	s.Shingles = binary.LittleEndian.Uint32(b[1:])
	for i := range s.Sig {
		s.Sig[i] = binary.LittleEndian.Uint32(b[5+4*i:])
	}
	return s, nil
}

// Containment estimates the share of the shorter text's shingles that the
// longer one contains, from the Jaccard estimate j and the two set sizes:
// |A∩B| = j(|A|+|B|)/(1+j).
func Containment(j float64, na, nb uint32) float64 {
	small := min(na, nb)
	if small == 0 {
		return 0
	}
	inter := j * float64(na+nb) / (1 + j)
	return min(1, inter/float64(small))
}
