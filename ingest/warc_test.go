package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"
)

// warcRecord is one record for writeWARC.
type warcRecord struct {
	typ, target, date string
	block             []byte
}

// httpBlock builds the block of a response record.
func httpBlock(status, ctype string, body []byte) []byte {
	return append([]byte(fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", status, ctype, len(body))), body...)
}

// writeWARC writes records as a WARC 1.1 file; with gz, each record is its
// own gzip member, as in a .warc.gz.
func writeWARC(t *testing.T, records []warcRecord, gz bool) []byte {
	t.Helper()
	var out bytes.Buffer
	for i, r := range records {
		var rec bytes.Buffer
		fmt.Fprintf(&rec, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\nWARC-Date: %s\r\n", r.typ, i+1, r.date)
		if r.target != "" {
			fmt.Fprintf(&rec, "WARC-Target-URI: %s\r\n", r.target)
		}
		ctype := "application/http; msgtype=response"
		switch r.typ {
		case "warcinfo", "metadata":
			ctype = "application/warc-fields"
		case "request":
			ctype = "application/http; msgtype=request"
		}
		fmt.Fprintf(&rec, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ctype, len(r.block))
		rec.Write(r.block)
		rec.WriteString("\r\n\r\n")
		if !gz {
			out.Write(rec.Bytes())
			continue
		}
		zw := gzip.NewWriter(&out)
		if _, err := zw.Write(rec.Bytes()); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

const crawlDate = "2026-04-25T06:00:00Z"

func testWARC(t *testing.T, gz bool) []byte {
	t.Helper()
	return writeWARC(t, []warcRecord{
		{typ: "warcinfo", date: crawlDate, block: []byte("software: dossier-test\r\nformat: WARC File Format 1.1\r\n")},
		{typ: "request", target: "https://valleytimes.example/jk/drones", date: crawlDate, block: []byte("GET /jk/drones HTTP/1.1\r\nHost: valleytimes.example\r\n\r\n")},
		{typ: "response", target: "https://valleytimes.example/jk/drones", date: crawlDate, block: httpBlock("200 OK", "text/html; charset=utf-8", []byte(htmlArticle))},
		{typ: "response", target: "https://valleytimes.example/jk/missing", date: crawlDate, block: httpBlock("404 Not Found", "text/html", []byte("<html><body><p>Page not found. The story you are looking for has been moved or deleted.</p></body></html>"))},
		{typ: "response", target: "https://valleytimes.example/img/logo.png", date: crawlDate, block: httpBlock("200 OK", "image/png", []byte("\x89PNG\r\n\x1a\n\x00\x00"))},
		{typ: "response", target: "https://valleytimes.example/wire/brief.txt", date: crawlDate, block: httpBlock("200 OK", "text/plain; charset=utf-8", []byte("Shepherds in the upper reaches of the valley were asked to report strangers to the nearest police post.\n"))},
		{typ: "metadata", target: "https://valleytimes.example/jk/drones", date: crawlDate, block: []byte("outlinks: https://valleytimes.example/jk/curfew\r\n")},
	}, gz)
}

func warcWant(name string) []want {
	return []want{
		{
			Input: name + "#3", Format: FormatWARC, Title: "Drones sent over Pahalgam forests", Outlet: "Valley Times",
			URL: "https://valleytimes.example/jk/drones", Source: "https://valleytimes.example/jk/drones",
			Place: "Pahalgam", Agency: "VT", Published: "2026-04-24T00:00:00Z", // the dateline beats the crawl date
			Has: []string{"PAHALGAM, April 24 (VT) — Security forces"}, Lacks: []string{"Home", "Copyright"},
		},
		{
			Input: name + "#6", Format: FormatWARC, URL: "https://valleytimes.example/wire/brief.txt",
			Published: crawlDate, // nothing else: WARC-Date
			Has:       []string{"Shepherds in the upper reaches"},
		},
	}
}

func TestWARCRecordTooLarge(t *testing.T) {
	big := strings.Repeat("<p>The search for the gunmen went on through the night.</p>\n", 200)
	data := writeWARC(t, []warcRecord{
		{typ: "response", target: "https://valleytimes.example/big", date: crawlDate, block: httpBlock("200 OK", "text/html", []byte("<html><body>"+big+"</body></html>"))},
		{typ: "response", target: "https://valleytimes.example/small", date: crawlDate, block: httpBlock("200 OK", "text/plain", []byte("A short brief on the search.\n"))},
	}, true)
	opt := testOptions()
	opt.MaxBytes = 4096
	items := collect(t, writeFile(t, t.TempDir(), "big.warc.gz", data), opt)
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	if items[0].Err == nil || !strings.HasSuffix(items[0].Err.Error(), "big.warc.gz#1: is 12 kB, over the 4 KiB limit (--max-size)") {
		t.Errorf("first item: err = %v, want a size error", items[0].Err)
	}
	if items[1].Err != nil || items[1].Doc.URL != "https://valleytimes.example/small" {
		t.Errorf("second item = %+v, want the small record", items[1])
	}
}
