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
	out := flag.String("out", "nlp/models", "directory for pos.gz, chunk.gz and ner.gz")
	flag.Parse()
	if *build {
		if err := ner.BuildLexiconCommand(*train, []string{*train, *dev}, strings.Split(*muc, ","), *lexicon, os.Stderr); err != nil {
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
	if err := ner.TrainAllCommand(context.Background(), *train, *dev, lex, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}
