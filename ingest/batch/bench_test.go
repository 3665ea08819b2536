package batch

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/pipeline"
	"github.com/dossier-osint/dossier/store/sqlite"
)

var corpusMB = flag.Int("corpus-mb", 500, "size of the generated JSONL corpus of BenchmarkIngestCorpusMemory")

// newsCorpus writes about size bytes of generated news-like JSON Lines
// documents (each about 2.5 KB, all distinct) to path and returns how many.
func newsCorpus(tb testing.TB, path string, size int64) int {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	places := []string{"Srinagar", "Anantnag", "Islamabad", "New Delhi", "Muzaffarabad", "Rawalakot", "Karachi", "Jammu"}
	people := []string{"Anjali Mehra", "Abdul Rauf Qasmi", "Khalid Nadeem", "Imran Wani", "Farah Siddiqui", "Vikram Rathore"}
	groups := []string{"Lashkar-e-Qahhar (LeQ)", "Kashmir Freedom Brigade (KFB)", "Hizb-ul-Fateh", "the Inter-Services Coordination Bureau (ISCB)"}
	var written int64
	n := 0
	for written < size {
		p, q := places[n%len(places)], places[(n/3)%len(places)]
		a, b := people[n%len(people)], people[(n/5)%len(people)]
		g := groups[n%len(groups)]
		var sb strings.Builder
		fmt.Fprintf(&sb, "%s, April %d (FNA) — Police in %s said on Tuesday that %d suspects linked to %s were detained after a raid, case %d.\n\n",
			strings.ToUpper(p), 1+n%28, p, 2+n%9, g, n)
		for k := 0; k < 6; k++ {
			fmt.Fprintf(&sb, "\"We have evidence that the cell was directed from %s,\" %s told the agency, adding that %s had met the group's commanders in %s last year (report %d-%d). ",
				q, a, b, p, n, k)
			fmt.Fprintf(&sb, "Officials said the men were allegedly trained in camps run by %s and that investigators were examining phone records.\n\n", g)
		}
		doc := map[string]string{"text": sb.String(), "title": fmt.Sprintf("Raid in %s, case %d", p, n), "published": "2026-04-22", "outlet": "FNA"}
		if err := enc.Encode(doc); err != nil {
			tb.Fatal(err)
		}
		written += int64(sb.Len())
		n++
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return n
}

// benchIngest ingests a generated corpus of size bytes once per iteration
// into a fresh store and reports documents/s and MB/s of text.
func benchIngest(b *testing.B, opt pipeline.Options, size int64) {
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	n := newsCorpus(b, corpus, size)
	info, _ := os.Stat(corpus)
	b.ResetTimer()
	var docs int
	var elapsed time.Duration
	for i := 0; b.Loop(); i++ {
		st, err := sqlite.Open(filepath.Join(dir, fmt.Sprintf("s%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := Run(context.Background(), st, pipeline.New(opt), []string{corpus}, Options{})
		st.Close()
		if err != nil || sum.New != n {
			b.Fatalf("ingest: %v, %+v (want %d new)", err, sum, n)
		}
		docs += sum.New
		elapsed += sum.Elapsed
	}
	b.ReportMetric(float64(docs)/elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(info.Size())*float64(b.N)/elapsed.Seconds()/1e6, "MB/s")
}

// BenchmarkIngestDocumentOnly measures reading, deduplication and storage
// with the extractors stubbed out (8 MB corpus).
func BenchmarkIngestDocumentOnly(b *testing.B) {
	benchIngest(b, pipeline.Options{DocumentOnly: true}, 8<<20)
}

// BenchmarkIngestFull measures ingest with the whole extraction pipeline on
// (8 MB corpus).
func BenchmarkIngestFull(b *testing.B) {
	benchIngest(b, pipeline.Options{}, 8<<20)
}

// BenchmarkIngestCorpusMemory ingests a generated -corpus-mb corpus (500 MB
// by default) with the extractors stubbed out and reports the peak heap in
// use and the process's peak resident set: memory must stay bounded however
// large the corpus is.
func BenchmarkIngestCorpusMemory(b *testing.B) {
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	n := newsCorpus(b, corpus, int64(*corpusMB)<<20)
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		st, err := sqlite.Open(filepath.Join(dir, fmt.Sprintf("m%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := Run(context.Background(), st, pipeline.New(pipeline.Options{DocumentOnly: true}), []string{corpus}, Options{})
		st.Close()
		if err != nil || sum.New != n {
			b.Fatalf("ingest: %v, %+v", err, sum)
		}
		b.ReportMetric(float64(n)/sum.Elapsed.Seconds(), "docs/s")
	}
	close(stop)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peakRSS())/(1<<10), "peak-RSS-MB")
}

// peakRSS returns the process's peak resident set in KiB (Linux), or 0.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb)
			return kb
		}
	}
	return 0
}
