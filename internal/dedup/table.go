package dedup

// bucketTable maps LSH band keys to the first document that filled the
// bucket. It is open addressing with linear probing over two flat arrays
// (12 bytes a slot, no pointers for the garbage collector to scan), which
// costs about a third of a Go map's memory at the tens of millions of
// entries a million documents produce. Key 0 marks an empty slot, so a key
// that hashes to 0 is stored as 1.
type bucketTable struct {
	keys []uint64
	docs []uint32
	mask uint64
	n    int
}

func newBucketTable(capacity int) *bucketTable {
	size := 1024
	for size*3/4 < capacity {
		size *= 2
	}
	return &bucketTable{keys: make([]uint64, size), docs: make([]uint32, size), mask: uint64(size - 1)}
}

// get returns the document stored under key, if any.
func (t *bucketTable) get(key uint64) (uint32, bool) {
	key = max(key, 1)
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			return 0, false
		case key:
			return t.docs[i], true
		}
	}
}

// putIfAbsent stores doc under key unless the key already has a document.
func (t *bucketTable) putIfAbsent(key uint64, doc uint32) {
	if (t.n+1)*4 > len(t.keys)*3 {
		t.grow()
	}
	key = max(key, 1)
	for i := key & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			t.keys[i], t.docs[i] = key, doc
			t.n++
			return
		case key:
			return
		}
	}
}

// grow doubles the table and re-places every entry.
func (t *bucketTable) grow() {
	oldKeys, oldDocs := t.keys, t.docs
	t.keys = make([]uint64, 2*len(oldKeys))
	t.docs = make([]uint32, 2*len(oldDocs))
	t.mask = uint64(len(t.keys) - 1)
	for j, key := range oldKeys {
		if key == 0 {
			continue
		}
		for i := key & t.mask; ; i = (i + 1) & t.mask {
			if t.keys[i] == 0 {
				t.keys[i], t.docs[i] = key, oldDocs[j]
				break
			}
		}
	}
}
