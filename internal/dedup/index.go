package dedup

import "sync"

// DefaultThreshold is the estimated Jaccard similarity of 4-word shingles
// from which a document counts as a copy of an earlier one. Independent
// articles about the same strike share quotes and stock phrases but stay
// well below it (typically under 0.3); a reprint with a new headline, an
// added paragraph or a trimmed ending stays above it.
const DefaultThreshold = 0.5

// A shorter text also counts as a copy when the longer one contains at least
// ContainmentThreshold of its shingles and it is at least MinLengthRatio of
// the longer one's length: a reprint that keeps only the first half of a wire
// story has a Jaccard similarity near 0.5 but is still a copy, while a long
// article that quotes a two-line statement in full is not a copy of it.
const (
	ContainmentThreshold = 0.8
	MinLengthRatio       = 0.4
)

// chunkDocs is how many signatures one storage chunk holds: the signature
// store grows chunk by chunk, never by copying everything it holds.
const chunkDocs = 1 << 14

// Match is the answer of Check for one document.
type Match struct {
	// DuplicateOf is the ID of the original this document copies (the root
	// of its family), or "" when the document is original.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Similarity is the estimated Jaccard similarity to the closest earlier
	// document (0 when there was no candidate).
	Similarity float64 `json:"similarity"`
	// Containment is the estimated share of the shorter text contained in
	// the longer one, for the same candidate.
	Containment float64 `json:"containment"`
	// Signature is the encoded MinHash signature to store in
	// documents.minhash; nil for a text without words.
	Signature []byte `json:"-"`
}

// Index is an incremental near-duplicate index. It is safe for concurrent
// use; documents must be added in ingest order for "original" to mean the
// first one seen.
type Index struct {
	mu        sync.Mutex
	threshold float64
	ids       []string
	pos       map[string]uint32
	root      []uint32 // root[i] is the original of document i (i itself when original)
	sim       []float32
	sigs      [][]Sketch
	buckets   *bucketTable
}

// New returns an empty index with the given similarity threshold (0 means
// DefaultThreshold). sizeHint, if known, avoids regrowing the bucket table.
func New(threshold float64, sizeHint int) *Index {
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	return &Index{
		threshold: threshold,
		pos:       make(map[string]uint32, sizeHint),
		buckets:   newBucketTable(sizeHint * Bands),
	}
}

// Len returns the number of documents indexed.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.ids)
}

// Check computes the signature of text, finds the closest earlier document
// and adds docID to the index. A docID already indexed is answered from the
// index (re-ingest of the same text is not a duplicate of itself).
func (ix *Index) Check(docID, text string) Match {
	sk, ok := Compute(text)
	if !ok {
		ix.mu.Lock()
		defer ix.mu.Unlock()
		if i, seen := ix.pos[docID]; seen {
			return ix.matchOf(i)
		}
		return Match{}
	}
	return ix.Add(docID, sk)
}

// Add indexes a document whose signature is already known (Check does this
// after computing it) and returns its match.
func (ix *Index) Add(docID string, sk Sketch) Match {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if i, seen := ix.pos[docID]; seen {
		m := ix.matchOf(i)
		m.Signature = sk.Encode()
		return m
	}
	c := ix.query(&sk)
	m := Match{Similarity: c.sim, Containment: c.containment, Signature: sk.Encode()}
	root := uint32(len(ix.ids))
	if c.copy {
		root = ix.root[c.doc]
		m.DuplicateOf = ix.ids[root]
	}
	ix.append(docID, sk, root, float32(c.sim))
	return m
}

// append stores a document; the caller holds the lock.
func (ix *Index) append(docID string, sk Sketch, root uint32, sim float32) {
	i := uint32(len(ix.ids))
	ix.ids = append(ix.ids, docID)
	ix.pos[docID] = i
	ix.root = append(ix.root, root)
	ix.sim = append(ix.sim, sim)
	if int(i)%chunkDocs == 0 {
		ix.sigs = append(ix.sigs, make([]Sketch, 0, chunkDocs))
	}
	last := len(ix.sigs) - 1
	ix.sigs[last] = append(ix.sigs[last], sk)
	for b := range Bands {
		ix.buckets.putIfAbsent(bandKey(&sk.Sig, b), i)
	}
}

// addStored indexes a document loaded from the store with its known
// original (duplicateOf may be "" or an ID not indexed).
func (ix *Index) addStored(docID string, sk Sketch, duplicateOf string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, seen := ix.pos[docID]; seen {
		return
	}
	root := uint32(len(ix.ids))
	if r, ok := ix.pos[duplicateOf]; ok && duplicateOf != "" {
		root = ix.root[r]
	}
	ix.append(docID, sk, root, 0)
}

// candidate is the best earlier document query found.
type candidate struct {
	doc         int
	sim         float64
	containment float64
	copy        bool // passes the Jaccard or the containment rule
}

// query returns the closest indexed candidate (doc -1 if none). A candidate
// that passes a copy rule beats one that does not; among equals the higher
// Jaccard estimate wins, then the earlier document.
func (ix *Index) query(sk *Sketch) candidate {
	var seen [Bands]uint32
	n := 0
	best := candidate{doc: -1}
	for b := range Bands {
		d, ok := ix.buckets.get(bandKey(&sk.Sig, b))
		if !ok {
			continue
		}
		dup := false
		for _, s := range seen[:n] {
			if s == d {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		seen[n] = d
		n++
		other := &ix.sigs[d/chunkDocs][d%chunkDocs]
		c := candidate{doc: int(d), sim: Similarity(&sk.Sig, &other.Sig)}
		c.containment = Containment(c.sim, sk.Shingles, other.Shingles)
		ratio := float64(min(sk.Shingles, other.Shingles)) / float64(max(sk.Shingles, other.Shingles, 1))
		c.copy = c.sim >= ix.threshold || (c.containment >= ContainmentThreshold && ratio >= MinLengthRatio)
		if better(c, best) {
			best = c
		}
	}
	return best
}

func better(c, best candidate) bool {
	switch {
	case best.doc < 0:
		return true
	case c.copy != best.copy:
		return c.copy
	case c.sim != best.sim:
		return c.sim > best.sim
	}
	return c.doc < best.doc
}

func (ix *Index) matchOf(i uint32) Match {
	m := Match{Similarity: float64(ix.sim[i])}
	if r := ix.root[i]; r != i {
		m.DuplicateOf = ix.ids[r]
	}
	return m
}
