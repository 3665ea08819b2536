package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// result is what one in-process run of the CLI did.
type result struct {
	code           int
	stdout, stderr string
}

// dossierRun runs the CLI in-process with args and stdin.
func dossierRun(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// examplesDir is the bundled example articles, relative to this package.
const examplesDir = "../../examples"

func openStats(t *testing.T, db string) store.Stats {
	t.Helper()
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestHelpVersionAndUsageErrors(t *testing.T) {
	if r := dossierRun(t, "", "--version"); r.code != exitOK || !strings.Contains(r.stdout, "dossier version") {
		t.Fatalf("--version: %+v", r)
	}
	for _, sub := range []string{"ingest", "extract", "search", "documents", "stats", "reprocess", "serve"} {
		r := dossierRun(t, "", sub, "--help")
		if r.code != exitOK || !strings.Contains(r.stdout, "Usage:") {
			t.Errorf("%s --help: code %d, output %q", sub, r.code, r.stdout)
		}
	}
	for _, args := range [][]string{
		{"no-such-command"},
		{"ingest"},                        // missing PATH
		{"ingest", "--no-such-flag", "x"}, // unknown flag
		{"extract", "a", "b"},             // too many args
		{"ingest", "--published", "Tuesday", "x"},
		{"--log-level", "loud", "stats"},
	} {
		if r := dossierRun(t, "", args...); r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, r.code, exitUsage, r.stderr)
		}
	}
}

func TestIngestExamplesTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	r := dossierRun(t, "", "--db", db, "ingest", examplesDir)
	if r.code != exitOK {
		t.Fatalf("ingest examples: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	first := openStats(t, db)
	if first.Documents < 12 {
		t.Fatalf("only %d documents stored from examples/", first.Documents)
	}
	if first.Clusters >= first.Documents {
		t.Errorf("%d clusters for %d documents: the syndicated copy was not joined to its story", first.Clusters, first.Documents)
	}
	if !strings.Contains(r.stdout, "syndicated") {
		t.Errorf("summary does not mention syndicated copies: %q", r.stdout)
	}
	checkStoredOffsets(t, db)
	r = dossierRun(t, "", "--db", db, "ingest", examplesDir)
	if r.code != exitOK || !strings.Contains(r.stdout, " 0 new") {
		t.Fatalf("second ingest was not a no-op: exit %d\n%s", r.code, r.stdout)
	}
	if again := openStats(t, db); again != first {
		t.Fatalf("re-ingest changed the store: %+v -> %+v", first, again)
	}
}

func TestIngestBadInputsGoOn(t *testing.T) {
	dir := t.TempDir()
	good := "Police said on Monday that two men were arrested in Srinagar after a raid on a house used by a banned group.\n"
	files := map[string]string{
		"good.txt":     good,
		"empty.txt":    "",
		"broken.jsonl": `{"text": "A valid line about a meeting in Islamabad between two officials."}` + "\nnot json at all\n",
		"feed.xml":     "<rss><channel><item><title>x</title>",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "d.db")
	r := dossierRun(t, "", "--db", db, "ingest", dir)
	if r.code != exitFailed {
		t.Fatalf("exit %d, want %d\n%s", r.code, exitFailed, r.stdout)
	}
	for _, name := range []string{"empty.txt", "broken.jsonl", "feed.xml"} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("no error line names %s:\n%s", name, r.stdout)
		}
	}
	if s := openStats(t, db); s.Documents != 2 {
		t.Fatalf("%d documents stored, want the 2 good ones", s.Documents)
	}
}

func TestSearchDocumentsStats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	text := "Investigators in Anantnag said the gunmen had crossed the Line of Control weeks before the attack.\n"
	if r := dossierRun(t, text, "--db", db, "ingest", "--published", "2026-04-23", "-"); r.code != exitOK {
		t.Fatalf("ingest stdin: %+v", r)
	}
	r := dossierRun(t, "", "--db", db, "search", "gunmen", "Anantnag")
	if r.code != exitOK || !strings.Contains(r.stdout, "sha256:") {
		t.Fatalf("search: %+v", r)
	}
	if r := dossierRun(t, "", "--db", db, "search", `"unbalanced`); r.code != exitOK {
		t.Fatalf("search with a stray quote failed: %+v", r)
	}
	r = dossierRun(t, "", "--db", db, "documents")
	if r.code != exitOK || !strings.Contains(r.stdout, "2026-04-23") {
		t.Fatalf("documents: %+v", r)
	}
	r = dossierRun(t, "", "--db", db, "stats")
	if r.code != exitOK || !strings.Contains(r.stdout, "1 documents") {
		t.Fatalf("stats: %+v", r)
	}
}

func TestDBFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv(envDB, db)
	if r := dossierRun(t, "A short report from Karachi about a court hearing.\n", "ingest", "-"); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	if s := openStats(t, db); s.Documents != 1 {
		t.Fatalf("DOSSIER_DB was not used: %+v", s)
	}
}

func TestReprocess(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if r := dossierRun(t, "", "--db", db, "ingest", "--document-only", examplesDir); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	n := openStats(t, db).Documents
	r := dossierRun(t, "", "--db", db, "reprocess")
	if r.code != exitOK || !strings.Contains(r.stdout, "reprocessed ") {
		t.Fatalf("reprocess: %+v", r)
	}
	if !strings.HasPrefix(strings.TrimSpace(r.stdout), "reprocessed "+strconv.Itoa(n)+" ") {
		t.Fatalf("reprocess of stale documents: %q, want %d", r.stdout, n)
	}
	// Now nothing is stale.
	r = dossierRun(t, "", "--db", db, "reprocess")
	if !strings.HasPrefix(strings.TrimSpace(r.stdout), "reprocessed 0 ") {
		t.Fatalf("second reprocess: %q", r.stdout)
	}
}

// checkStoredOffsets checks that every stored mention, relation and quote
// points at the stored text it claims to cover.
func checkStoredOffsets(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, err := st.Documents(ctx, store.DocumentQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		doc, err := st.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		x, err := st.Extraction(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range x.Entities {
			for _, m := range e.Mentions {
				if !m.Span().Valid(len(doc.Text)) || doc.Text[m.Start:m.End] != m.Text {
					t.Errorf("%s: mention %+v of %q does not match the stored text", d.ID, m, e.Name)
				}
			}
		}
		for _, r := range x.Relations {
			ev := r.Evidence
			if ev.End > len(doc.Text) || ev.Start > ev.End || doc.Text[ev.Start:ev.End] != ev.Text {
				t.Errorf("%s: relation evidence %+v does not match the stored text", d.ID, ev)
			}
		}
		for _, q := range x.Quotes {
			if q.End > len(doc.Text) || q.Start > q.End || doc.Text[q.Start:q.End] != q.Text {
				t.Errorf("%s: quote %+v does not match the stored text", d.ID, q)
			}
		}
	}
}
