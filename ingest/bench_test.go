package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var jsonlMB = flag.Int("jsonl-mb", 200, "size in MB of the JSON Lines stream generated for BenchmarkReadJSONL")

var (
	benchDir  string
	benchOnce sync.Once
	benchFile string
	benchSize int64
	benchDocs int
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// writeCorpus writes about size bytes of distinct news-like JSON Lines
// records (about 2.5 kB each) to path and returns how many it wrote.
func writeCorpus(tb testing.TB, path string, size int64) (int, int64) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	places := []string{"Srinagar", "Anantnag", "Islamabad", "New Delhi", "Muzaffarabad", "Rawalakot", "Karachi", "Jammu"}
	people := []string{"Anjali Mehra", "Tariq Lone", "Saima Qureshi", "Imran Wani", "Vikram Rathore", "Nisar Ahmad"}
	groups := []string{"the Lashkar-e-Qahhar", "the Kashmir Freedom Brigade", "a cell based in Rawalakot"}
	var written int64
	n := 0
	var sb strings.Builder
	for written < size {
		sb.Reset()
		p, q := places[n%len(places)], places[(n/3)%len(places)]
		fmt.Fprintf(&sb, "%s, April %d (FNA) — Police in %s said on Tuesday that %d suspects linked to %s were detained in a raid, case %d.\n\n",
			strings.ToUpper(p), 1+n%28, p, 2+n%9, groups[n%len(groups)], n)
		for k := range 6 {
			fmt.Fprintf(&sb, "\"We have evidence that the cell was directed from %s,\" %s told reporters, adding that %s had met the group's commanders in %s last year (report %d-%d). Officials said the men were trained in camps and that investigators were examining phone records.\n\n",
				q, people[n%len(people)], people[(n/5)%len(people)], p, n, k)
		}
		rec := map[string]string{"text": sb.String(), "title": fmt.Sprintf("Raid in %s, case %d", p, n), "published": "2026-04-22", "outlet": "FNA", "url": fmt.Sprintf("https://fna.example/%d", n)}
		if err := enc.Encode(rec); err != nil {
			tb.Fatal(err)
		}
		written += int64(sb.Len()) + 150
		n++
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return n, fi.Size()
}

// BenchmarkReadJSONL reads a generated JSON Lines stream (200 MB unless
// -jsonl-mb says otherwise) from a temporary file and reports the rate and
// the peak of live heap while reading, which must not grow with the size
// of the stream.
func BenchmarkReadJSONL(b *testing.B) {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ingest-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchDir = dir
		benchFile = filepath.Join(dir, "corpus.jsonl")
		benchDocs, benchSize = writeCorpus(b, benchFile, int64(*jsonlMB)<<20)
	})
	if benchFile == "" {
		b.Skip("corpus not written")
	}
	opt := Options{}
	b.SetBytes(benchSize)
	runtime.GC()
	base := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(base)
	stop := make(chan struct{})
	var peak atomic.Uint64
	var wg sync.WaitGroup
	wg.Go(func() { samplePeakHeap(stop, &peak) })
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for it := range Read(context.Background(), benchFile, opt) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
		}
		if n != benchDocs {
			b.Fatalf("read %d documents, want %d", n, benchDocs)
		}
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	// The baseline is the heap before reading (package data such as the
	// extractors' tables); the peak counts garbage not yet collected, so
	// it sits near twice the live heap, whatever the stream's size.
	b.ReportMetric(float64(base[0].Value.Uint64())/(1<<20), "base-heap-MB")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(benchSize)/(1<<20), "stream-MB")
	b.ReportMetric(float64(benchDocs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// samplePeakHeap records the largest live heap (bytes in heap objects)
// seen every few milliseconds until stop is closed.
func samplePeakHeap(stop <-chan struct{}, peak *atomic.Uint64) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		metrics.Read(s)
		if v := s[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}
