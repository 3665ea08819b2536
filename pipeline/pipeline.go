// Package pipeline assembles dossier's extraction stages into one
// dossier.Extractor: the language layer (tokens, sentences, tags, entities,
// dates) and, on top of it, the extractors of relations, events and quotes.
// It is the one place where the order of the stages is decided.
package pipeline

import (
	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/events"
	"github.com/dossier-osint/dossier/extract"
	"github.com/dossier-osint/dossier/nlp"
	"github.com/dossier-osint/dossier/rules"
)

// Version names this build's models and rules. Every stored item records
// it, and `dossier reprocess --stale` re-extracts documents made by another.
const Version = "0.3.0"

// Options choose the stages of a pipeline.
type Options struct {
	// DocumentOnly skips the language layer and extractors: the extraction
	// holds the document header alone. Benchmarks use it to measure ingest
	// without NLP.
	DocumentOnly bool
	// Rules are the relation rules; nil means the shipped ones
	// (extract.DefaultRules). With rules of a user's, the version says so.
	Rules *rules.RuleSet
}

// Pipeline is a dossier.Extractor made of stages.
type Pipeline struct {
	opt Options
}

// New returns a pipeline with the given options.
func New(opt Options) *Pipeline {
	return &Pipeline{opt: opt}
}

// Rules returns the relation rules the pipeline runs.
func (p *Pipeline) Rules() *rules.RuleSet {
	if p.opt.Rules != nil {
		return p.opt.Rules
	}
	return extract.DefaultRules()
}

// Version implements dossier.Extractor.
func (p *Pipeline) Version() string {
	if p.opt.DocumentOnly {
		return Version + "+document-only"
	}
	if p.opt.Rules != nil {
		return Version + "+user-rules"
	}
	return Version
}

// Extract implements dossier.Extractor.
func (p *Pipeline) Extract(doc *dossier.Document) (*dossier.Extraction, error) {
	ex := dossier.NewExtraction(doc, p.Version())
	if p.opt.DocumentOnly {
		return ex, nil
	}
	d := nlp.Annotate(doc.Text, doc.Published)
	extract.CompleteMentions(d)
	ex.Entities = extract.Entities(d)
	ex.Events = events.Extract(d, ex.Entities)
	extract.Claims(d, doc, ex, p.opt.Rules)
	return ex, nil
}
