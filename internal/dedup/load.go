package dedup

import (
	"context"
	"errors"
	"fmt"

	"github.com/sitrep-osint/sitrep/internal/store"
)

// Load builds an index from the signatures stored in documents.minhash, in
// ingest order, with DefaultThreshold. It reads only IDs and signatures
// (about 300 bytes a document), never texts. Signatures in another format
// (written by an older version) are skipped and counted in the returned
// number; the pipeline may re-check those documents' texts.
func Load(ctx context.Context, st *store.Store) (*Index, int, error) {
	ix := New(DefaultThreshold, 0)
	skipped := 0
	err := st.DocumentSignatures(ctx, func(id, duplicateOf string, b []byte) error {
		sk, err := Decode(b)
		if errors.Is(err, ErrSignatureFormat) {
			skipped++
			return nil
		}
		ix.addStored(id, sk, duplicateOf)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("dedup: load: %w", err)
	}
	return ix, skipped, nil
}
