package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier/nlp/ner"
)

// trainCmd groups the commands that train dossier's models.
func (a *app) trainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train dossier's models from annotated data",
	}
	var trainPath, devPath, out string
	nerCmd := &cobra.Command{
		Use:   "ner --train FILE --dev FILE --out MODEL",
		Short: "Train the named-entity recogniser from CoNLL-2003 files",
		Long: `Train the named-entity recogniser from a CoNLL-2003 format file, choosing the
number of training iterations on the dev file, with dossier's shipped POS tagger
and chunker providing the part-of-speech and chunk features (the files' own POS
and chunk columns are not used). With the shipped training data this reproduces
nlp/models/ner.gz (see nlp/models/README.md).`,
		Example: "  dossier train ner --train ../shared/data/conll2003/train.txt --dev ../shared/data/conll2003/dev.txt --out /tmp/ner.gz",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if trainPath == "" || devPath == "" || out == "" {
				return usageError{fmt.Errorf("--train, --dev and --out are required")}
			}
			return ner.TrainCommand(cmd.Context(), trainPath, devPath, out, a.stderr)
		},
	}
	nerCmd.Flags().StringVar(&trainPath, "train", "", "CoNLL-2003 training file")
	nerCmd.Flags().StringVar(&devPath, "dev", "", "CoNLL-2003 dev file, for model selection")
	nerCmd.Flags().StringVar(&out, "out", "", "file to write the model to")
	cmd.AddCommand(nerCmd)
	for _, c := range trainCommands {
		cmd.AddCommand(c(a))
	}
	return cmd
}

// evalCmd groups the commands that score dossier on evaluation data.
func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score dossier's models on evaluation data",
	}
	var conll, output, model string
	nerCmd := &cobra.Command{
		Use:   "ner --conll FILE [--output FILE] [--model FILE]",
		Short: "Score the named-entity recogniser on a CoNLL-2003 file",
		Long: `Tag the words of a CoNLL-2003 format file (only the words: part of speech and chunks
come from dossier's own tagger) and print precision, recall and F1 per type and
overall, with conlleval semantics (exact span match). --output writes one line per
token, "token gold predicted", with a blank line between sentences, for any conlleval
script to re-score.`,
		Example: "  dossier eval ner --conll ../shared/data/conll2003/dev.txt --output /tmp/dev.pred",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if conll == "" {
				return usageError{fmt.Errorf("--conll is required")}
			}
			_, err := ner.EvalCommand(cmd.Context(), conll, output, model, a.stdout)
			return err
		},
	}
	nerCmd.Flags().StringVar(&conll, "conll", "", "CoNLL-2003 format file to score")
	nerCmd.Flags().StringVar(&output, "output", "", "write token, gold and predicted tags to this file")
	nerCmd.Flags().StringVar(&model, "model", "", "recogniser to score (default: the shipped one)")
	cmd.AddCommand(nerCmd)
	for _, c := range evalCommands {
		cmd.AddCommand(c(a))
	}
	return cmd
}
