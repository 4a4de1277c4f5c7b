// Package pipeline runs sitrep's stages in their fixed order:
//
//  1. source: read each input (file, directory, URL, stdin) and decode it
//     into documents whose text is already clean — every later stage cites
//     offsets into exactly that text, so cleaning must come first;
//  2. extract: find the reports each document makes (geocoding happens
//     inside extraction, because which report a place belongs to depends on
//     the sentence it is named in);
//  3. dedup: link near-duplicate documents to their original before they
//     are stored, so syndicated copies never count as independent sources;
//  4. store: write documents, reports and failures, one transaction per
//     batch;
//  5. merge: fold the batch's new reports into events, inside the same
//     transaction, so the database never holds reports that no event has
//     seen.
//
// Stages 1–2 are pure per input and run on a pool of workers; stages 3–5
// need the whole history and run on the single writer, in input order, so
// that a run is reproducible.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/sitrep-osint/sitrep/internal/dedup"
	"github.com/sitrep-osint/sitrep/internal/extract"
	"github.com/sitrep-osint/sitrep/internal/geocode"
	"github.com/sitrep-osint/sitrep/internal/merge"
	"github.com/sitrep-osint/sitrep/internal/model"
	"github.com/sitrep-osint/sitrep/internal/source"
	"github.com/sitrep-osint/sitrep/internal/store"
)

// Options tunes a Pipeline. The zero value is usable.
type Options struct {
	Source    source.Options
	Workers   int // decode/extract workers; default GOMAXPROCS
	BatchSize int // documents per transaction; default 256
	// Progress, when set, is called on the writer goroutine after each input.
	Progress func(Progress)
	// SkipMerge stores reports without merging them into events. It exists
	// to measure what merging costs ("sitrep bench ingest --no-merge"); a
	// database ingested this way has reports that no event has seen.
	SkipMerge bool
	// MergeEvery, when positive, merges the stored reports into events
	// once per that many new documents and at the end of each ingest,
	// instead of in every batch's transaction. Events do not depend on how
	// reports are batched, so the result is the same; a bulk ingest pays
	// for each neighbourhood once rather than once per batch. Reports
	// stored by an ingest that stopped before merging them are merged
	// when the next pipeline is built on the store. Zero (the default)
	// merges every batch, as live inputs need.
	MergeEvery int
	// OnEvents, when set, is called after each committed batch with the IDs
	// of the events that batch created or changed (for live updates).
	OnEvents func(eventIDs []string)
	Log      *slog.Logger
}

// Progress is the running state of an ingest.
type Progress struct {
	Inputs int   // inputs finished
	Bytes  int64 // raw bytes of finished inputs
}

// Summary is what an ingest did.
type Summary struct {
	Inputs         int           `json:"inputs"`
	Read           int           `json:"documents_read"`
	New            int           `json:"new"`
	Duplicates     int           `json:"duplicates"`      // same text already stored
	Republished    int           `json:"republished"`     // of those, the same text from another publisher or URL
	NearDuplicates int           `json:"near_duplicates"` // new, but a copy of a stored document
	Failed         int           `json:"failed"`
	Reports        int           `json:"reports"`
	Events         int           `json:"events_touched"`
	EventIDs       []string      `json:"event_ids,omitempty"` // the events created or changed that still exist, sorted
	Bytes          int64         `json:"bytes"`
	Elapsed        time.Duration `json:"elapsed_ns"`

	events map[string]bool // EventIDs while the run lasts: written minus removed
}

// Pipeline ingests inputs into one store.
//
// A Pipeline may be used by several goroutines at once (an API upload while
// a feed is polled): the stores of their batches are serialised by mu,
// because the near-duplicate index and the merge stage see the database as
// one sequence of batches.
type Pipeline struct {
	mu   sync.Mutex
	st   *store.Store
	x    *extract.Extractor
	dd   *dedup.Index
	opts Options
	log  *slog.Logger
	// failed is set when the near-duplicate index could not be rebuilt
	// after a rolled-back batch; the pipeline refuses further batches.
	failed error
	// pending are the stored reports not merged yet (MergeEvery), from
	// pendingDocs new documents.
	pending     []model.Report
	pendingDocs int
}

// New builds a pipeline over st: it loads the embedded gazetteer and the
// near-duplicate index of the documents already stored.
func New(ctx context.Context, st *store.Store, opts Options) (*Pipeline, error) {
	if opts.Workers < 1 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize < 1 {
		opts.BatchSize = 256
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	geo, err := geocode.Default()
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	dd, skipped, err := dedup.Load(ctx, st)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	if skipped > 0 {
		log.Warn("documents with signatures of an older format are not checked for copies", "count", skipped)
	}
	p := &Pipeline{st: st, x: extract.New(geo), dd: dd, opts: opts, log: log.With("component", "pipeline")}
	if !opts.SkipMerge {
		// An earlier ingest may have stopped between storing reports and
		// merging them.
		left, err := st.UnmergedReports(ctx)
		if err != nil {
			return nil, fmt.Errorf("pipeline: %w", err)
		}
		if len(left) > 0 {
			p.log.Info("merging reports an earlier ingest stored but did not merge", "reports", len(left))
			p.pending = left
			var sum Summary
			if err := p.mergePending(ctx, &sum); err != nil {
				return nil, err
			}
		}
	}
	return p, nil
}

// decoded is one input after the parallel stages.
type decoded struct {
	seq  int
	size int // raw bytes of the input
	in   source.Input
	docs []extracted
	errs []error
}

type extracted struct {
	doc     model.Document
	reports []model.Report
	sketch  dedup.Sketch // MinHash of doc.Text, computed on the worker
	hasSig  bool         // false for a text without words
}

// Ingest reads every input named by args (see source.Walk) and stores what
// it finds. A broken input or item is recorded as a failure and counted in
// Summary.Failed; the error return is only for failures of the store or the
// context, after which the batch in progress was rolled back.
func (p *Pipeline) Ingest(ctx context.Context, args []string) (Summary, error) {
	return p.run(ctx, func(ctx context.Context, emit func(source.Input, error) error) error {
		return source.Walk(ctx, args, p.opts.Source, emit)
	})
}

// IngestInputs stores inputs that are already in memory (a POSTed document,
// a polled feed), like Ingest.
func (p *Pipeline) IngestInputs(ctx context.Context, inputs []source.Input) (Summary, error) {
	return p.run(ctx, func(ctx context.Context, emit func(source.Input, error) error) error {
		for _, in := range inputs {
			if err := emit(in, nil); err != nil {
				return err
			}
		}
		return nil
	})
}

// run drives the stages over the inputs that produce emits.
func (p *Pipeline) run(ctx context.Context, produce func(context.Context, func(source.Input, error) error) error) (Summary, error) {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan decoded, p.opts.Workers*2)
	results := make(chan decoded, p.opts.Workers*2)

	var walkErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // owner: Ingest, which waits on wg and cancels ctx on return
		defer wg.Done()
		defer close(jobs)
		seq := 0
		walkErr = produce(ctx, func(in source.Input, err error) error {
			d := decoded{seq: seq, in: in, size: len(in.Raw)}
			if err != nil {
				d.errs = []error{err}
			}
			seq++
			select {
			case jobs <- d:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var workers sync.WaitGroup
	for range p.opts.Workers {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for d := range jobs {
				if len(d.errs) == 0 {
					p.decode(ctx, &d)
				}
				select {
				case results <- d:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { workers.Wait(); close(results) }()

	sum, err := p.write(ctx, results)
	cancel()
	wg.Wait()
	for range results { // drain so no worker is left blocked
	}
	sum.Elapsed = time.Since(start)
	for id := range sum.events {
		sum.EventIDs = append(sum.EventIDs, id)
	}
	slices.Sort(sum.EventIDs)
	sum.Events = len(sum.EventIDs)
	if err == nil && walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		err = fmt.Errorf("pipeline: %w", walkErr)
	}
	return sum, err
}

// decode runs the per-input stages: format decoding and extraction.
func (p *Pipeline) decode(ctx context.Context, d *decoded) {
	docs, errs := source.Decode(ctx, d.in, p.opts.Source)
	d.errs = append(d.errs, errs...)
	d.in.Raw = nil // the documents hold what is needed; free the input early
	for i := range docs {
		reports, err := p.x.Reports(ctx, &docs[i])
		if err != nil {
			d.errs = append(d.errs, &source.Error{Input: d.in.Name, Item: docs[i].ExternalID, Err: err})
			continue
		}
		sk, ok := dedup.Compute(docs[i].Text)
		d.docs = append(d.docs, extracted{doc: docs[i], reports: reports, sketch: sk, hasSig: ok})
	}
}

// write is the single writer: it takes results in input order and stores
// them in batches.
func (p *Pipeline) write(ctx context.Context, results <-chan decoded) (Summary, error) {
	var sum Summary
	pending := map[int]decoded{}
	next := 0
	var batch []decoded
	batchDocs := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := p.store(ctx, batch, &sum)
		batch, batchDocs = batch[:0], 0
		return err
	}
	for d := range results {
		pending[d.seq] = d
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			sum.Inputs++
			sum.Bytes += int64(d.size)
			batch = append(batch, d)
			batchDocs += len(d.docs)
			if batchDocs >= p.opts.BatchSize {
				if err := flush(); err != nil {
					return sum, err
				}
			}
			if p.opts.Progress != nil {
				p.opts.Progress(Progress{Inputs: sum.Inputs, Bytes: sum.Bytes})
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if err := flush(); err != nil {
		return sum, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return sum, p.mergePending(ctx, &sum)
}

// mergePending merges the reports stored since the last merge into events
// in one transaction. The caller holds p.mu (or owns p alone).
func (p *Pipeline) mergePending(ctx context.Context, sum *Summary) error {
	if len(p.pending) == 0 {
		return nil
	}
	var res merge.Result
	err := p.st.Batch(ctx, func(tx *store.Tx) error {
		var err error
		res, err = merge.Reports(ctx, tx, p.pending)
		return err
	})
	if err != nil {
		return fmt.Errorf("pipeline: merge: %w", err)
	}
	p.pending, p.pendingDocs = nil, 0
	p.noteEvents(sum, res.Events, res.Removed)
	return nil
}

// noteEvents records the events a merge wrote and removed in the summary
// and tells OnEvents.
func (p *Pipeline) noteEvents(sum *Summary, touched, removed []string) {
	if sum.events == nil {
		sum.events = map[string]bool{}
	}
	for _, id := range removed { // merged into another event
		delete(sum.events, id)
	}
	for _, id := range touched {
		sum.events[id] = true
	}
	if p.opts.OnEvents != nil && len(touched) > 0 {
		p.opts.OnEvents(touched)
	}
}

// store writes one batch in one transaction: failures, documents (near-
// duplicates linked first), reports, then the merge of the new reports.
func (p *Pipeline) store(ctx context.Context, batch []decoded, sum *Summary) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.failed != nil {
		return fmt.Errorf("pipeline: unusable after an earlier failure: %w", p.failed)
	}
	var s Summary
	var touched, removed []string
	var deferred []model.Report // stored, to merge later (MergeEvery)
	err := p.st.Batch(ctx, func(tx *store.Tx) error {
		s = Summary{}
		var fresh []model.Report
		for _, d := range batch {
			for _, e := range d.errs {
				s.Failed++
				if err := tx.RecordFailure(ctx, failureOf(d.in.Name, e)); err != nil {
					return err
				}
				p.log.Warn("input skipped", "input", d.in.Name, "error", e)
			}
			for _, ex := range d.docs {
				s.Read++
				doc := ex.doc
				known, err := tx.HasDocument(ctx, doc.ID)
				if err != nil {
					return err
				}
				if known {
					// The same text again: a re-ingest adds nothing, but a
					// verbatim reprint by another outlet is recorded.
					s.Duplicates++
					added, err := tx.AddSighting(ctx, &doc)
					if err != nil {
						return err
					}
					if added {
						s.Republished++
					}
					continue
				}
				var m dedup.Match
				if ex.hasSig {
					m = p.dd.Add(doc.ID, ex.sketch)
				}
				if m.DuplicateOf != "" {
					doc.DuplicateOf = m.DuplicateOf
					s.NearDuplicates++
				}
				if _, err := tx.InsertDocument(ctx, &doc); err != nil {
					return err
				}
				if m.Signature != nil {
					if err := tx.SetDocumentMinhash(ctx, doc.ID, m.Signature); err != nil {
						return err
					}
				}
				s.New++
				if err := tx.InsertReports(ctx, ex.reports); err != nil {
					return err
				}
				fresh = append(fresh, ex.reports...)
			}
		}
		s.Reports = len(fresh)
		if p.opts.SkipMerge {
			return nil
		}
		if p.opts.MergeEvery > 0 {
			deferred = fresh
			return nil
		}
		res, err := merge.Reports(ctx, tx, fresh)
		if err != nil {
			return err
		}
		s.Events = len(res.Events)
		touched, removed = res.Events, res.Removed
		return nil
	})
	if err != nil {
		// The batch was rolled back but the index kept its signatures; a
		// later copy of one of these texts would be linked to a document that
		// is not stored. Rebuild the index from what the store holds.
		dd, _, lerr := dedup.Load(context.WithoutCancel(ctx), p.st)
		if lerr != nil {
			p.failed = lerr
			return errors.Join(err, lerr)
		}
		p.dd = dd
		return err
	}
	sum.Read += s.Read
	sum.New += s.New
	sum.Duplicates += s.Duplicates
	sum.Republished += s.Republished
	sum.NearDuplicates += s.NearDuplicates
	sum.Failed += s.Failed
	sum.Reports += s.Reports
	p.noteEvents(sum, touched, removed)
	if p.opts.MergeEvery > 0 {
		p.pending = append(p.pending, deferred...)
		p.pendingDocs += s.New
		if p.pendingDocs >= p.opts.MergeEvery {
			return p.mergePending(ctx, sum)
		}
	}
	return nil
}

func failureOf(input string, err error) store.Failure {
	f := store.Failure{Input: input, Error: err.Error()}
	var se *source.Error
	if errors.As(err, &se) {
		f.Item = se.Item
		if se.Input != "" {
			f.Input = se.Input
		}
	}
	for _, k := range failureKinds {
		if errors.Is(err, k.err) {
			f.Kind = k.kind
			break
		}
	}
	return f
}

// failureKinds names the sentinel errors of package source for the
// failures table, so failures can be counted by cause.
var failureKinds = []struct {
	err  error
	kind string
}{
	{source.ErrUnknownFormat, "unknown_format"},
	{source.ErrTooLarge, "too_large"},
	{source.ErrInvalidUTF8, "invalid_utf8"},
	{source.ErrTruncated, "truncated"},
	{source.ErrNotFeed, "not_feed"},
	{source.ErrEmpty, "empty"},
	{source.ErrMalformed, "malformed"},
}
