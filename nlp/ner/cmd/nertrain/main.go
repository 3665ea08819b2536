// Command nertrain trains dossier's POS tagger, chunker and named-entity
// recogniser from CoNLL-2003 files and writes them to a model directory;
// it stands in for `dossier train ner` until the CLI wires it.
//
//	go run ./nlp/ner/cmd/nertrain -train ../shared/data/conll2003/train.txt \
//	    -dev ../shared/data/conll2003/dev.txt -lexicon nlp/models/lexicon.tsv -out nlp/models
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/dossier-osint/dossier/nlp/ner"
)

func main() {
	train := flag.String("train", "../shared/data/conll2003/train.txt", "CoNLL-2003 training file")
	dev := flag.String("dev", "../shared/data/conll2003/dev.txt", "CoNLL-2003 dev file (model selection)")
	lexicon := flag.String("lexicon", "", "word-class table (optional; see -build-lexicon)")
	build := flag.Bool("build-lexicon", false, "build the word-class table at -lexicon from -train, -dev and -muc, then exit")
	muc := flag.String("muc", "../shared/data/muc4/train.jsonl,../shared/data/muc4/dev.jsonl", "comma-separated JSONL files of unlabelled text for the clusters")
	dict := flag.String("dict", "/usr/share/dict/words", "English word list for the lexicon's word cases (Debian's wamerican; empty for none)")
	out := flag.String("out", "nlp/models", "directory for pos.gz, chunk.gz and ner.gz")
	nerOnly := flag.String("ner-only", "", "train only the recogniser, with the shipped POS tagger and chunker, and write it to this file (for experiments)")
	iters := flag.Int("iterations", ner.NERIterations, "with -ner-only: most passes over the training set")
	noPhrases := flag.Bool("no-phrases", false, "with -ner-only: no gazetteer of training names")
	noHistory := flag.Bool("no-history", false, "with -ner-only: no document-history features")
	places := flag.String("places", ner.DefaultPlacesPath, "GeoNames table for the place-name gazetteer (empty for none)")
	minPop := flag.Int("min-pop", ner.PlaceMinPopulation, "smallest population of a place in the gazetteer")
	augment := flag.Float64("case-augment", ner.CaseAugment, "with -ner-only: share of documents added again upper- and lower-cased")
	ensemble := flag.Int("ensemble", ner.NEREnsemble, "with -ner-only: training runs averaged into the model")
	beam := flag.Int("beam", ner.NERBeam, "with -ner-only: beam width of decoding (1: greedy)")
	beamTemp := flag.Float64("beam-temp", ner.DefaultBeamTemp, "with -ner-only: nats per unit of the model's scores in beam decoding")
	bits := flag.Uint("bits", 0, "with -ner-only: log2 of the weight rows (0: the default)")
	noRuns := flag.Bool("no-runs", false, "with -ner-only: no name-run features")
	ctx2 := flag.Bool("context2", ner.NERContext2, "with -ner-only: second-pass features of the next words' first-pass classes and of the document's first-pass names")
	seed := flag.Int64("seed", ner.Seed, "with -ner-only: random seed of the shuffles and the case copies")
	noDocNames := flag.Bool("no-doc-names", false, "with -ner-only: no second-pass features of the names the first pass found in the document")
	docNameDrop := flag.Float64("doc-name-drop", ner.NERDocNameDrop, "with -ner-only: chance that a training document's second pass goes without its first-pass names")
	docMulti := flag.Bool("doc-names-multi", false, "with -ner-only: of the document's first-pass names, only those of two words or more")
	jack := flag.Bool("jackknife", false, "with -ner-only: the second pass learns from first-pass labels of helper models trained on the other half of the documents")
	noCountries := flag.Bool("no-countries", false, "with -ner-only: no country and demonym names")
	flag.Parse()
	if *build {
		if err := ner.BuildLexiconCommand(*train, []string{*train, *dev}, strings.Split(*muc, ","), *dict, *lexicon, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "nertrain:", err)
			os.Exit(1)
		}
		return
	}
	var lex []byte
	if *lexicon != "" {
		b, err := os.ReadFile(*lexicon)
		if err != nil {
			fmt.Fprintln(os.Stderr, "nertrain:", err)
			os.Exit(1)
		}
		lex = b
	}
	if *nerOnly != "" {
		opt := ner.TrainOptions{Lexicon: lex, Iterations: *iters, Seed: *seed, CaseAugment: *augment,
			NoPhrases: *noPhrases, NoHistory: *noHistory, NoRuns: *noRuns, Context2: *ctx2, NoDocNames: *noDocNames, DocNameDrop: *docNameDrop, DocNamesMulti: *docMulti, Jackknife: *jack, Bits: *bits, Ensemble: *ensemble, Beam: *beam, BeamTemp: *beamTemp, Log: os.Stderr}
		if err := ner.AddNames(&opt, *places, *minPop); err != nil {
			fmt.Fprintln(os.Stderr, "nertrain:", err)
			os.Exit(1)
		}
		if *noCountries {
			opt.Countries, opt.Demonyms = nil, nil
		}
		if err := ner.TrainNERCommand(context.Background(), *train, *dev, *nerOnly, opt, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "nertrain:", err)
			os.Exit(1)
		}
		return
	}
	if err := ner.TrainAllCommand(context.Background(), *train, *dev, lex, *places, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}
