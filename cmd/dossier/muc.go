package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier/events"
	"github.com/dossier-osint/dossier/muc"
)

func init() {
	evalCommands = append(evalCommands, (*app).evalMUCCmd)
	trainCommands = append(trainCommands, (*app).trainEventsCmd)
}

// evalMUCCmd is `dossier eval muc`.
func (a *app) evalMUCCmd() *cobra.Command {
	var data, output, model string
	cmd := &cobra.Command{
		Use:   "muc --data FILE [--output FILE] [--model FILE]",
		Short: "Score event extraction on MUC-4 documents (PerpInd, PerpOrg, Target, Victim, Weapon)",
		Long: `Run dossier over MUC-4 documents in JSON Lines (text_mixed_case when present, else
text_upper; the dateline gives the date relative dates resolve against), map its attack
events to the five MUC-4 roles and print precision, recall and F1 per role and
micro-averaged. A prediction matches a gold entity when it equals one of the entity's
alternatives after lower-casing and dropping a leading article; each gold entity is
matched once. Also prints the share of no-incident documents given any role.
--output writes one line per document: {"docid": ..., "roles": {"PerpInd": [...], ...}}.`,
		Example: "  dossier eval muc --data ../shared/data/muc4/dev.jsonl --output /tmp/muc-dev.jsonl",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" {
				return usageError{fmt.Errorf("--data is required")}
			}
			var m *events.Model
			if model != "" {
				var err error
				if m, err = loadEventsModel(model); err != nil {
					return err
				}
			} else {
				m = events.Default()
			}
			docs, err := muc.ReadFile(data)
			if err != nil {
				return err
			}
			ann, err := muc.Annotate(cmd.Context(), docs, 2)
			if err != nil {
				return err
			}
			var out *os.File
			if output != "" {
				if out, err = os.Create(output); err != nil {
					return fmt.Errorf("create %s: %w", output, err)
				}
				defer out.Close()
			}
			var s *muc.Score
			if out != nil {
				s, err = muc.Evaluate(m, ann, out)
			} else {
				s, err = muc.Evaluate(m, ann, nil)
			}
			if err != nil {
				return err
			}
			if out != nil {
				if err := out.Close(); err != nil {
					return fmt.Errorf("write %s: %w", output, err)
				}
			}
			return s.Write(a.stdout)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "MUC-4 JSON Lines file to score")
	cmd.Flags().StringVar(&output, "output", "", "write the predicted roles, one JSON line per document, to this file")
	cmd.Flags().StringVar(&model, "model", "", "events model to score (default: the shipped one)")
	return cmd
}

// trainEventsCmd is `dossier train events`.
func (a *app) trainEventsCmd() *cobra.Command {
	var trainPath, devPath, out string
	var iters, folds, rerankFolds int
	var seed int64
	cmd := &cobra.Command{
		Use:   "events --train FILE --dev FILE --out MODEL",
		Short: "Train the attack-role classifier of event extraction from MUC-4 files",
		Long: `Train the classifier that gives noun phrases the roles of attacks (perpetrator,
target, victim, weapon) from MUC-4 JSON Lines files, and set its probability thresholds
to the values that maximise the micro-F1 on the dev file. With the shipped data this
reproduces events/model/roles.gz. Training is deterministic.`,
		Example: "  dossier train events --train ../shared/data/muc4/train.jsonl --dev ../shared/data/muc4/dev.jsonl --out events/model/roles.gz",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if trainPath == "" || devPath == "" || out == "" {
				return usageError{fmt.Errorf("--train, --dev and --out are required")}
			}
			start := time.Now()
			train, err := muc.ReadFile(trainPath)
			if err != nil {
				return err
			}
			dev, err := muc.ReadFile(devPath)
			if err != nil {
				return err
			}
			opt := muc.TrainOptions{Workers: 2, Log: a.stderr}
			opt.Iterations = iters
			opt.Seed = seed
			opt.Folds = folds
			opt.RerankFolds = rerankFolds
			m, err := muc.TrainModel(cmd.Context(), train, dev, opt)
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return fmt.Errorf("create %s: %w", out, err)
			}
			if err := m.Encode(f); err != nil {
				f.Close()
				return fmt.Errorf("write %s: %w", out, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("write %s: %w", out, err)
			}
			fmt.Fprintf(a.stderr, "wrote %s in %s\n", out, time.Since(start).Round(time.Second))
			return nil
		},
	}
	cmd.Flags().StringVar(&trainPath, "train", "", "MUC-4 training file (JSON Lines)")
	cmd.Flags().StringVar(&devPath, "dev", "", "MUC-4 dev file, for the thresholds")
	cmd.Flags().StringVar(&out, "out", "", "file to write the model to")
	cmd.Flags().IntVar(&iters, "iterations", 8, "passes over the training data")
	cmd.Flags().Int64Var(&seed, "seed", 1, "seed of the shuffling of the training examples (the shipped model: 1)")
	cmd.Flags().IntVar(&rerankFolds, "rerank-folds", 0, "train a second stage that rescores each phrase per document from first-stage probabilities cross-validated over this many folds of --train (off by default: it did not gain on MUC-4 dev, see events/model/README.md)")
	cmd.Flags().IntVar(&folds, "folds", 0, "set the thresholds by cross-validation on --train with this many folds instead of on --dev (the dev score is then held out)")
	return cmd
}

// loadEventsModel reads an events model file.
func loadEventsModel(path string) (*events.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	m, err := events.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return m, nil
}
