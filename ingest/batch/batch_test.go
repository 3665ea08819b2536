package batch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/pipeline"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

const story = `Gunmen kill nine tourists near Anantnag

SRINAGAR, April 21 (FNA) — Gunmen opened fire on tourists at a meadow near Anantnag on Tuesday, killing nine people and wounding at least fourteen, police said.
The attack was claimed hours later by a little-known front calling itself the Kashmir Freedom Brigade (KFB), which investigators believe is a cover for the Lashkar-e-Qahhar (LeQ).
"This was a planned massacre of unarmed people," Inspector General Anjali Mehra told the Frontier News Agency. "We will find every one of them."
The LeQ, based in Rawalakot across the Line of Control, denied any role in a statement sent to news agencies on Tuesday evening.
Officials said the gunmen had walked for hours through forest to reach the meadow, and that two of them were believed to have been trained in camps run by the group last year.`

// syndicatedCopy is story as another outlet ran it: a new headline, a
// changed word, its last paragraph trimmed.
const syndicatedCopy = `Nine tourists shot dead in Kashmir meadow

SRINAGAR, April 21 (FNA) — Gunmen opened fire on tourists at a meadow near Anantnag on Tuesday, killing nine people and wounding at least fourteen, police said.
The attack was claimed hours later by a little-known front calling itself the Kashmir Freedom Brigade (KFB), which investigators believe is a cover for the Lashkar-e-Qahhar (LeQ).
"This was a planned massacre of unarmed people," Inspector General Anjali Mehra told the Frontier News Agency. "We will find every one of them."
The LeQ, based in Rawalakot across the Line of Control, rejected any role in a statement sent to news agencies on Tuesday evening.`

const otherStory = `ISLAMABAD (Capital Wire) - Pakistan's foreign office on Wednesday rejected what it called baseless allegations linking a group in Rawalakot to the killing of tourists near Anantnag.
A spokesperson said the Lashkar-e-Qahhar had been banned years ago and that its offices had been sealed, and called for an impartial international inquiry into the attack.`

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "batch.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestDuplicatesAndSyndication(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a-story.txt":      story,
		"b-exact-copy.txt": strings.ReplaceAll(story, "\n", "\r\n") + "\n\n", // same text, other line ends
		"c-syndicated.txt": syndicatedCopy,
		"d-other.txt":      otherStory,
	})
	st := openStore(t)
	ctx := context.Background()
	sum, err := Run(ctx, st, pipeline.New(pipeline.Options{}), []string{dir}, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 4 || sum.New != 3 || sum.Duplicates != 1 || sum.Syndicated != 1 || sum.Failed != 0 {
		t.Fatalf("summary %+v, want read 4, new 3, duplicates 1, syndicated 1", sum)
	}
	docs, err := st.Documents(ctx, store.DocumentQuery{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]string{}
	clusters := map[string]int{}
	for _, d := range docs {
		byTitle[d.Title] = d.Cluster
		clusters[d.Cluster]++
	}
	if c := byTitle["Nine tourists shot dead in Kashmir meadow"]; c == "" || c != byTitle["Gunmen kill nine tourists near Anantnag"] {
		t.Errorf("syndicated copy not in its story's cluster: %v", byTitle)
	}
	if len(clusters) != 2 {
		t.Errorf("%d clusters, want 2 (the story with its copy, and the other report): %v", len(clusters), byTitle)
	}

	// A second run stores nothing.
	sum, err = Run(ctx, st, pipeline.New(pipeline.Options{}), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 0 || sum.Duplicates != 4 {
		t.Fatalf("second run %+v, want 0 new and 4 duplicates", sum)
	}
}

func TestFailuresDoNotStopTheBatch(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"1.txt":       story,
		"2-empty.txt": "",
		"3.jsonl":     `{"text": "` + strings.ReplaceAll(otherStory, "\n", `\n`) + `"}` + "\n{broken\n",
	})
	st := openStore(t)
	sum, err := Run(context.Background(), st, pipeline.New(pipeline.Options{}), []string{dir, filepath.Join(dir, "missing.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 2 || sum.Failed != 3 {
		t.Fatalf("summary %+v, want 2 new and 3 failed (empty file, broken line, missing file)", sum)
	}
	for _, f := range sum.Failures {
		if f.Input == "" || f.Error == "" {
			t.Errorf("failure without input or message: %+v", f)
		}
	}
}

func TestCancelledBatchStops(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": story, "b.txt": otherStory})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, openStore(t), pipeline.New(pipeline.Options{}), []string{dir}, Options{})
	if err == nil {
		t.Fatal("a cancelled batch reported success")
	}
}
