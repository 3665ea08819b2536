package ner

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dossier-osint/dossier/nlp/tag"
)

// Build settings of the shipped models; TrainAllCommand uses them.
const (
	Seed            = 1
	POSIterations   = 6
	ChunkIterations = 6
	NERIterations   = 5
	CaseAugment     = 0.25
	// NERBeam is the recogniser's beam width (beam.go; 1: greedy). Beam 2
	// gains about 0.5 dev F1 over three seeds but lost entity F1 on the
	// example articles (spans run on through "and": the step scores are
	// normalised over the allowed classes only), so off.
	NERBeam = 2
	// NEREnsemble is the number of recogniser training runs averaged.
	NEREnsemble = 1
	// NERContext2 turns on the second pass's features of the next words'
	// first-pass classes and of the document's first-pass names: no
	// variant tried gained on dev without losing entity F1 on the examples
	// (nlp/models/README.md), so off.
	NERContext2 = false
	// NERDocNameDrop is the chance that a training document's second pass
	// goes without the features of its first-pass names (TrainOptions).
	NERDocNameDrop = 0.0
	// PlaceMinPopulation is the smallest population of a GeoNames place in
	// the recogniser's gazetteer.
	PlaceMinPopulation = 20000
	// DefaultPlacesPath is the GeoNames table of package gazetteer,
	// relative to the repository root.
	DefaultPlacesPath = "gazetteer/data/places.tsv.gz"
)

// AddNames fills opt's Places from the GeoNames table at placesPath (none
// when empty) and its Countries and Demonyms from package gazetteer.
func AddNames(opt *TrainOptions, placesPath string, minPop int) error {
	if placesPath != "" {
		p, err := PlaceNames(placesPath, minPop)
		if err != nil {
			return err
		}
		opt.Places = p
	}
	opt.Countries, opt.Demonyms = CountryNames()
	return nil
}

// TrainAllCommand trains the POS tagger, the chunker and the recogniser from
// a CoNLL-2003 training file, selects the recogniser's iteration on the dev
// file, and writes pos.gz, chunk.gz and ner.gz into dir. lexicon is the
// word-class table (see BuildLexiconCommand), or nil; placesPath is the
// GeoNames table for the place gazetteer (see AddNames), or "". Progress
// goes to logw.
func TrainAllCommand(ctx context.Context, trainPath, devPath string, lexicon []byte, placesPath, dir string, logw io.Writer) error {
	start := time.Now()
	train, err := ReadCoNLLFile(trainPath)
	if err != nil {
		return err
	}
	dev, err := ReadCoNLLFile(devPath)
	if err != nil {
		return err
	}
	words, pos, chunks := columns(train)
	posM := tag.Train(words, pos, tag.TrainOptions{Iterations: POSIterations, Seed: Seed, CaseAugment: CaseAugment, Log: logw})
	fmt.Fprintf(logw, "pos tagger trained in %s; dev accuracy %.4f\n", time.Since(start).Round(time.Second), POSAccuracy(posM, dev))
	if err := ctx.Err(); err != nil {
		return err
	}
	t := time.Now()
	// The chunker learns from the tagger's POS, as it will see at run time.
	tagged := make([][]string, len(words))
	for i, w := range words {
		tagged[i] = posM.Tag(w)
	}
	chunkM := tag.TrainChunker(words, tagged, chunks, tag.TrainOptions{Iterations: ChunkIterations, Seed: Seed, CaseAugment: CaseAugment, Log: logw})
	fmt.Fprintf(logw, "chunker trained in %s; dev accuracy %.4f\n", time.Since(t).Round(time.Second), ChunkAccuracy(posM, chunkM, dev))
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := saveTo(filepath.Join(dir, "pos.gz"), posM.Save); err != nil {
		return err
	}
	if err := saveTo(filepath.Join(dir, "chunk.gz"), chunkM.Save); err != nil {
		return err
	}
	t = time.Now()
	opt := TrainOptions{POS: posM, Chunker: chunkM, Lexicon: lexicon, Iterations: NERIterations, Seed: Seed, CaseAugment: CaseAugment, Ensemble: NEREnsemble, Beam: NERBeam, Context2: NERContext2, DocNameDrop: NERDocNameDrop, Log: logw}
	if err := AddNames(&opt, placesPath, PlaceMinPopulation); err != nil {
		return err
	}
	m, rep, err := Train(train, dev, opt)
	if err != nil {
		return fmt.Errorf("train ner on %s: %w", trainPath, err)
	}
	fmt.Fprintf(logw, "recogniser trained in %s (%d sentences with case copies); kept iteration %d\n", time.Since(t).Round(time.Second), rep.Sentences, rep.Best)
	rep.Dev.WriteTable(logw)
	if err := saveTo(filepath.Join(dir, "ner.gz"), m.Save); err != nil {
		return err
	}
	fmt.Fprintf(logw, "all models trained in %s\n", time.Since(start).Round(time.Second))
	return nil
}

// TrainCommand trains a recogniser from trainPath with the shipped POS tagger
// and chunker, selects the iteration on devPath, and writes it to outPath.
func TrainCommand(ctx context.Context, trainPath, devPath, outPath string, logw io.Writer) error {
	train, err := ReadCoNLLFile(trainPath)
	if err != nil {
		return err
	}
	dev, err := ReadCoNLLFile(devPath)
	if err != nil {
		return err
	}
	opt := TrainOptions{POS: tag.DefaultPOS(), Chunker: tag.DefaultChunker(), Lexicon: Default().lexText,
		Iterations: NERIterations, Seed: Seed, CaseAugment: CaseAugment, Ensemble: NEREnsemble, Beam: NERBeam, Context2: NERContext2, DocNameDrop: NERDocNameDrop, Log: logw}
	// The GeoNames table is read where the repository keeps it (run from
	// the repository root); elsewhere the gazetteer has no place names.
	places := DefaultPlacesPath
	if _, err := os.Stat(places); err != nil {
		fmt.Fprintf(logw, "no place names: %s not found\n", places)
		places = ""
	}
	if err := AddNames(&opt, places, PlaceMinPopulation); err != nil {
		return err
	}
	m, rep, err := Train(train, dev, opt)
	if err != nil {
		return fmt.Errorf("train ner on %s: %w", trainPath, err)
	}
	fmt.Fprintf(logw, "kept iteration %d\n", rep.Best)
	rep.Dev.WriteTable(logw)
	return saveTo(outPath, m.Save)
}

// TrainNERCommand trains a recogniser from trainPath with opt (its POS
// tagger and chunker default to the shipped ones), selects the iteration on
// devPath, reports the dev scores as written, upper-cased and lower-cased,
// and writes the model to outPath.
func TrainNERCommand(ctx context.Context, trainPath, devPath, outPath string, opt TrainOptions, logw io.Writer) error {
	start := time.Now()
	train, err := ReadCoNLLFile(trainPath)
	if err != nil {
		return err
	}
	dev, err := ReadCoNLLFile(devPath)
	if err != nil {
		return err
	}
	if opt.POS == nil {
		opt.POS = tag.DefaultPOS()
	}
	if opt.Chunker == nil {
		opt.Chunker = tag.DefaultChunker()
	}
	m, rep, err := Train(train, dev, opt)
	if err != nil {
		return fmt.Errorf("train ner on %s: %w", trainPath, err)
	}
	fmt.Fprintf(logw, "recogniser trained in %s (%d sentences with case copies); kept iteration %d\n", time.Since(start).Round(time.Second), rep.Sentences, rep.Best)
	if err := ctx.Err(); err != nil {
		return err
	}
	mixed, upper, lower := CaseReport(m, dev)
	for _, c := range []struct {
		name string
		s    Scores
	}{{"as written", mixed}, {"UPPER CASE", upper}, {"lower case", lower}} {
		fmt.Fprintf(logw, "dev %s:\n", c.name)
		c.s.WriteTable(logw)
	}
	return saveTo(outPath, m.Save)
}

// EvalCommand tags the words of a CoNLL-2003 file with dossier's own POS
// tagger, chunker and the recogniser at modelPath (the shipped one when
// empty), prints the per-type table to w, and writes conlleval input
// ("token gold predicted") to outputPath when it is not empty. The file's
// POS and chunk columns are never read.
func EvalCommand(ctx context.Context, conllPath, outputPath, modelPath string, w io.Writer) (Scores, error) {
	m := Default()
	if modelPath != "" {
		b, err := os.ReadFile(modelPath)
		if err != nil {
			return Scores{}, fmt.Errorf("read model %s: %w", modelPath, err)
		}
		if m, err = Load(bytes.NewReader(b)); err != nil {
			return Scores{}, fmt.Errorf("load model %s: %w", modelPath, err)
		}
	}
	sents, err := ReadCoNLLFile(conllPath)
	if err != nil {
		return Scores{}, err
	}
	pred := Predict(m, tag.DefaultPOS(), tag.DefaultChunker(), sents)
	words, gold := make([][]string, len(sents)), make([][]string, len(sents))
	for i, s := range sents {
		words[i], gold[i] = s.Words, s.Tags
	}
	sc := Evaluate(gold, pred)
	if err := sc.WriteTable(w); err != nil {
		return sc, err
	}
	if outputPath != "" {
		f, err := os.Create(outputPath)
		if err != nil {
			return sc, fmt.Errorf("write %s: %w", outputPath, err)
		}
		if err := WriteConllevalOutput(f, words, gold, pred); err != nil {
			f.Close()
			return sc, fmt.Errorf("write %s: %w", outputPath, err)
		}
		if err := f.Close(); err != nil {
			return sc, fmt.Errorf("write %s: %w", outputPath, err)
		}
	}
	return sc, nil
}

// Predict tags the words of every sentence with the given POS tagger,
// chunker and recogniser, one document (Sentence.Doc) at a time. It never
// reads the sentences' POS, Chunks or Tags.
func Predict(m *Model, posM, chunkM *tag.Model, sents []Sentence) [][]string {
	out := make([][]string, 0, len(sents))
	for _, g := range docGroups(sents) {
		words, pos, chunks := make([][]string, len(g)), make([][]string, len(g)), make([][]string, len(g))
		for i, s := range g {
			words[i] = s.Words
			pos[i] = posM.Tag(s.Words)
			chunks[i] = chunkM.TagChunks(s.Words, pos[i])
		}
		out = append(out, m.TagDocument(words, pos, chunks)...)
	}
	return out
}

// POSAccuracy is the share of words of sents whose POS tag m gets right.
func POSAccuracy(m *tag.Model, sents []Sentence) float64 {
	ok, n := 0, 0
	for _, s := range sents {
		for i, t := range m.Tag(s.Words) {
			if t == s.POS[i] {
				ok++
			}
			n++
		}
	}
	return ratio(ok, n)
}

// ChunkAccuracy is the share of words whose IOB2 chunk tag is right when
// chunking the output of posM.
func ChunkAccuracy(posM, chunkM *tag.Model, sents []Sentence) float64 {
	ok, n := 0, 0
	for _, s := range sents {
		gold := tag.ToIOB2(s.Chunks)
		for i, t := range chunkM.TagChunks(s.Words, posM.Tag(s.Words)) {
			if t == gold[i] {
				ok++
			}
			n++
		}
	}
	return ratio(ok, n)
}

func columns(sents []Sentence) (words, pos, chunks [][]string) {
	for _, s := range sents {
		words = append(words, s.Words)
		pos = append(pos, s.POS)
		chunks = append(chunks, s.Chunks)
	}
	return
}

func saveTo(path string, save func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := save(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
