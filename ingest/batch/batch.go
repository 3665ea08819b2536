// Package batch runs an ingest: it reads inputs, drops exact duplicates,
// joins near duplicates to their syndication cluster, extracts, and stores
// each document with all of its extraction in one transaction.
//
// One failing input never stops the batch: its error is recorded in the
// Summary and the next input is read. Because every document is committed
// whole and re-ingesting a stored document is a no-op, a batch killed at any
// point and run again ends with nothing lost and nothing doubled.
package batch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/ingest"
	"github.com/dossier-osint/dossier/store"
)

// Options configure a batch.
type Options struct {
	// Read configures the readers.
	Read ingest.Options
	// Workers is the number of documents extracted at once (default: the
	// number of CPUs).
	Workers int
	// Progress, when set, is called after each item with the running totals.
	Progress func(Summary)
	// Logger receives one line per failure and per stored document at debug
	// level; nil discards.
	Logger *slog.Logger
}

// Failure is one input that could not be ingested.
type Failure struct {
	Input string `json:"input"`
	Error string `json:"error"`
}

// Summary counts what a batch did.
type Summary struct {
	Read       int           `json:"read"`
	New        int           `json:"new"`
	Duplicates int           `json:"duplicates"`
	Syndicated int           `json:"syndicated"`
	Failed     int           `json:"failed"`
	Failures   []Failure     `json:"failures,omitempty"`
	Entities   int           `json:"entities"`
	Claims     int           `json:"claims"`
	Bytes      int64         `json:"bytes"`
	Elapsed    time.Duration `json:"elapsed_ns"`
}

// item is a document on its way through the batch.
type item struct {
	input  string
	doc    *dossier.Document
	ex     *dossier.Extraction
	sketch store.Sketch
	dup    bool
	err    error
}

// Run ingests inputs into st, extracting with ex. It returns an error only
// when the batch itself cannot go on (the store fails, ctx is cancelled);
// failures of single inputs are in the Summary.
func Run(ctx context.Context, st store.Store, ex dossier.Extractor, inputs []string, opt Options) (Summary, error) {
	start := time.Now()
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Reading is sequential; extraction runs on workers; writing happens in
	// this goroutine, in the order documents were read, so cluster decisions
	// see every earlier document of the batch.
	type slot struct{ done chan item }
	slots := make(chan slot, workers*2)
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	go func() {
		defer close(slots)
		for _, input := range inputs {
			for it := range ingest.Read(ctx, input, opt.Read) {
				s := slot{done: make(chan item, 1)}
				if it.Err != nil {
					s.done <- item{input: it.Input, err: it.Err}
				} else {
					select {
					case sem <- struct{}{}:
					case <-ctx.Done():
						return
					}
					wg.Add(1)
					go func(it ingest.Item) {
						defer func() { <-sem; wg.Done() }()
						s.done <- prepare(ctx, st, ex, it)
					}(it)
				}
				// Every slot sent is filled, so the writer never waits on
				// a slot nobody fills.
				select {
				case slots <- s:
				case <-ctx.Done():
					return
				}
			}
		}
	}()

	var sum Summary
	var fatal error
	for s := range slots {
		it := <-s.done
		if fatal != nil {
			continue // drain the workers
		}
		sum.Read++
		if it.err == nil && !it.dup {
			if err := commit(ctx, st, &it, &sum, log); err != nil {
				fatal = err
				cancel()
				continue
			}
		}
		switch {
		case it.err != nil:
			sum.Failed++
			sum.Failures = append(sum.Failures, Failure{Input: it.input, Error: it.err.Error()})
			log.Debug("ingest failed", "input", it.input, "err", it.err)
		case it.dup:
			sum.Duplicates++
			log.Debug("duplicate", "input", it.input, "id", it.doc.ID)
		}
		if opt.Progress != nil {
			opt.Progress(sum)
		}
	}
	wg.Wait()
	sum.Elapsed = time.Since(start)
	if fatal == nil && ctx.Err() != nil {
		fatal = ctx.Err()
	}
	return sum, fatal
}

// prepare identifies, sketches and extracts one document, skipping the
// extraction of documents already stored.
func prepare(ctx context.Context, st store.Store, ex dossier.Extractor, in ingest.Item) item {
	it := item{input: in.Input, doc: in.Doc}
	doc := in.Doc
	doc.ID = dedup.ID(doc.Text)
	has, err := st.HasDocument(ctx, doc.ID)
	if err != nil {
		it.err = fmt.Errorf("%s: look up %s: %w", in.Input, doc.ID, err)
		return it
	}
	if has {
		it.dup = true
		return it
	}
	it.sketch = dedup.Sketch(doc.Text)
	doc.Version = ex.Version()
	x, err := ex.Extract(doc)
	if err != nil {
		it.err = fmt.Errorf("%s: extract: %w", in.Input, err)
		return it
	}
	it.ex = x
	return it
}

// commit joins the document to its syndication cluster and stores it. An
// error returned is fatal for the batch (the store failed); a document the
// store already has counts as a duplicate.
func commit(ctx context.Context, st store.Store, it *item, sum *Summary, log *slog.Logger) error {
	doc := it.doc
	doc.Cluster = doc.ID
	cands, err := st.SimilarCandidates(ctx, it.sketch)
	if err != nil {
		return fmt.Errorf("find near duplicates of %s: %w", it.input, err)
	}
	best, sim, joined := dedup.Closest(it.sketch.Signature, cands)
	if joined {
		doc.Cluster = best.Cluster
	}
	if doc.Ingested.IsZero() {
		doc.Ingested = time.Now().UTC()
	}
	created, err := st.PutDocument(ctx, doc, it.ex, it.sketch)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		return fmt.Errorf("store %s: %w", it.input, err)
	}
	if !created {
		it.dup = true // stored meanwhile by an earlier item of this batch
		return nil
	}
	if joined {
		sum.Syndicated++
		log.Debug("syndicated copy", "input", it.input, "of", best.ID, "similarity", sim)
	}
	sum.New++
	sum.Bytes += int64(len(doc.Text))
	sum.Entities += len(it.ex.Entities)
	sum.Claims += len(it.ex.Relations) + len(it.ex.Events)
	log.Debug("stored", "input", it.input, "id", doc.ID, "entities", len(it.ex.Entities))
	return nil
}
