// Package dedup finds near-duplicate documents: syndicated wire copies and
// lightly edited reprints, so that they are linked to their original and
// never count as independent sources.
//
// Method. A document's clean text is folded to lower-case words (letters and
// digits; everything else separates words). Every run of ShingleWords
// consecutive words is a shingle, hashed with xxhash. A MinHash signature of
// SignatureSize 32-bit values estimates the Jaccard similarity of two
// documents' shingle sets: the share of equal positions. Locality-sensitive
// hashing splits the signature into Bands bands of Rows values; two documents
// become candidates when any band is equal, and a candidate is a duplicate
// when its estimated similarity reaches the index threshold (DefaultThreshold).
// With 21 bands of 3 rows a pair at similarity 0.5 becomes a candidate with
// probability 0.94, at 0.6 with 0.994, while unrelated texts (similarity near
// zero) almost never collide.
//
// Cost. Each band bucket remembers only the first document that filled it, so
// a new document is compared with at most Bands earlier ones: work per
// document is constant and the whole run grows linearly with the number of
// documents. Memory per document is the signature (256 bytes), its ID and one
// 8-byte slot per band in an open-addressing table.
//
// Use:
//
//	ix, err := dedup.Load(ctx, st)            // once at start: signatures from documents.minhash
//	m := ix.Check(doc.ID, doc.Text)           // per new document, in ingest order
//	doc.DuplicateOf = m.DuplicateOf           // "" when the text is original
//	err = tx.SetDocumentMinhash(ctx, doc.ID, m.Signature)
//
// The first document of a family is its original: a copy points to the
// family's root, never to another copy.
package dedup
