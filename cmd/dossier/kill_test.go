package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	_ "modernc.org/sqlite" // the driver behind the read-only poller
)

// TestKilledIngestResumes kills a real `dossier ingest` process with SIGKILL
// in the middle of a batch, runs the same ingest again, and checks the store
// ends exactly as an uninterrupted ingest leaves it: nothing lost, nothing
// doubled.
func TestKilledIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dossier")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}

	// A corpus big enough that the ingest is still running when killed.
	const docs = 1500
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeCorpus(t, corpus, docs)

	killed := filepath.Join(dir, "killed.db")
	cmd := exec.Command(bin, "--db", killed, "ingest", "--published", "2026-04-22", corpus)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForDocuments(t, killed, 20)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	before := openStats(t, killed)
	if before.Documents == 0 || before.Documents >= docs {
		t.Fatalf("kill landed outside the batch (%d of %d documents stored): the test proves nothing", before.Documents, docs)
	}
	t.Logf("killed after %d of %d documents", before.Documents, docs)

	if out, err := exec.Command(bin, "--db", killed, "ingest", "--published", "2026-04-22", corpus).CombinedOutput(); err != nil {
		t.Fatalf("resume: %v\n%s", err, out)
	}
	clean := filepath.Join(dir, "clean.db")
	if out, err := exec.Command(bin, "--db", clean, "ingest", "--published", "2026-04-22", corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	got, want := openStats(t, killed), openStats(t, clean)
	if got != want {
		t.Fatalf("after kill and resume the store holds %+v, an uninterrupted ingest %+v", got, want)
	}
	if got.Documents != docs {
		t.Fatalf("%d documents, want %d", got.Documents, docs)
	}
}

// writeCorpus writes n distinct news-like JSON Lines documents.
func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	places := []string{"Srinagar", "Anantnag", "Islamabad", "New Delhi", "Muzaffarabad", "Rawalakot"}
	for i := range n {
		p := places[i%len(places)]
		text := fmt.Sprintf("%s, April %d (FNA) — Police in %s said on Tuesday that suspect number %d, "+
			"a member of the Lashkar-e-Qahhar (LeQ), was arrested with %d rounds of ammunition. "+
			"Inspector General Anjali Mehra told reporters that the LeQ commander Abdul Rauf Qasmi had sent him across the border in case %d.\n",
			p, 1+i%28, p, i, 10+i%90, i*7919)
		if err := enc.Encode(map[string]string{"text": text, "title": fmt.Sprintf("Arrest %d in %s", i, p)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// waitForDocuments polls the store at path until it holds at least n
// documents. It reads through a read-only connection of its own, so it
// never competes with the ingest for the schema.
func waitForDocuments(t *testing.T, path string, n int) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		var count int
		if err := db.QueryRow("SELECT count(*) FROM documents").Scan(&count); err == nil && count >= n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s never reached %d documents", path, n)
}
