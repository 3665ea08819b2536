package ingest

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadErrors checks that each kind of bad input gives one clear error
// naming the input, and that reading goes on after a bad record.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string
		opt   func(*Options)
		// errs are the expected errors, in order: the input suffix and a
		// part of the message; docs is the number of good documents.
		errs []string
		is   error
		docs int
	}{
		{
			name:  "empty file",
			setup: func(t *testing.T, dir string) string { return writeFile(t, dir, "empty.txt", nil) },
			errs:  []string{"empty.txt: empty input"},
			is:    ErrEmpty,
		},
		{
			name:  "blank file",
			setup: func(t *testing.T, dir string) string { return writeFile(t, dir, "blank.txt", []byte(" \n\r\n\t\n")) },
			errs:  []string{"blank.txt: no article text found (only blank space)"},
			is:    ErrNoText,
		},
		{
			name:  "empty gzip",
			setup: func(t *testing.T, dir string) string { return writeFile(t, dir, "e.txt.gz", gz(t, nil)) },
			errs:  []string{"e.txt.gz: empty input"},
			is:    ErrEmpty,
		},
		{
			name: "binary file with NULs",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "blob.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"))
			},
			errs: []string{"blob.txt: binary content, not text"},
			is:   ErrBinary,
		},
		{
			name: "binary file of control bytes",
			setup: func(t *testing.T, dir string) string {
				b := make([]byte, 2000)
				for i := range b {
					b[i] = byte(1 + i%30)
				}
				return writeFile(t, dir, "ctl.dat", b)
			},
			errs: []string{"ctl.dat: binary content, not text"},
			is:   ErrBinary,
		},
		{
			name: "image named explicitly",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "logo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
			},
			errs: []string{"logo.png: binary content"},
			is:   ErrBinary,
		},
		{
			name: "PDF",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "r.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
			},
			errs: []string{"r.pdf: unsupported format: PDF documents are not read; convert to text first"},
			is:   ErrUnsupported,
		},
		{
			name: "invalid UTF-8 that is not Latin-1 (GBK)",
			setup: func(t *testing.T, dir string) string {
				// "Police said" and Chinese text in GBK: double-byte runs.
				gbk := []byte("\xbe\xaf\xb7\xbd\xb3\xc6\xa3\xac\xc7\xb9\xca\xd6\xd4\xda\xb2\xdd\xb5\xd8\xc9\xcf\xbf\xaa\xc7\xb9\xa1\xa3")
				return writeFile(t, dir, "gbk.txt", append([]byte("Police said: "), append(gbk, gbk...)...))
			},
			errs: []string{"gbk.txt: text is neither UTF-8 nor Latin-1/Windows-1252 (invalid UTF-8 at byte 13"},
			is:   ErrEncoding,
		},
		{
			name: "invalid UTF-8 with a byte undefined in Windows-1252",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "odd.txt", []byte("The convoy left at dawn \x81 and reached the camp by noon."))
			},
			errs: []string{"odd.txt: text is neither UTF-8 nor Latin-1/Windows-1252 (invalid UTF-8 at byte 24, and byte 0x81 is undefined in Windows-1252)"},
			is:   ErrEncoding,
		},
		{
			name: "truncated gzip",
			setup: func(t *testing.T, dir string) string {
				z := gz(t, fixture(t, "attack.txt"))
				return writeFile(t, dir, "cut.txt.gz", z[:len(z)/2])
			},
			errs: []string{"cut.txt.gz: truncated gzip stream"},
		},
		{
			name: "not gzip despite .gz",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "fake.txt.gz", fixture(t, "attack.txt"))
			},
			errs: []string{"fake.txt.gz: not gzip: corrupt gzip stream: gzip: invalid header"},
		},
		{
			name: "truncated gzip of JSON Lines keeps the lines before the cut",
			setup: func(t *testing.T, dir string) string {
				var b strings.Builder
				for range 400 {
					b.WriteString(`{"text": "KARACHI, 24 April 2026 (AFP) – Police said on Thursday they had arrested a man."}` + "\n")
				}
				z := gz(t, []byte(b.String()))
				return writeFile(t, dir, "cut.jsonl.gz", z[:len(z)-12])
			},
			errs: []string{"cut.jsonl.gz: truncated gzip stream (after line 400)"},
			docs: 400,
		},
		{
			name: "malformed feed",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "bad.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Times</title><item><title>Search goes on</title><description>Troops`))
			},
			errs: []string{"bad.rss: malformed feed: "},
		},
		{
			name: "feed item without text",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "valley.rss", fixture(t, "valley.rss"))
			},
			errs: []string{`valley.rss#3: no article text found: item "Photo gallery" has no content or description`},
			is:   ErrNoText,
			docs: 2,
		},
		{
			name: "XML that is not a feed",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "data.txt", []byte(`<?xml version="1.0"?><inventory><item sku="1"/></inventory>`))
			},
			errs: []string{"data.txt: unsupported format: XML that is neither an RSS/Atom feed nor XHTML"},
			is:   ErrUnsupported,
		},
		{
			name: "JSON Lines: not JSON, no text, bad date, wrong type",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "bad.jsonl", []byte(
					`{"text": "SRINAGAR, April 21 (FNA) — Gunmen opened fire on tourists near Anantnag."}`+"\n"+
						`{"title": "no text here"}`+"\n"+
						`xx not json`+"\n"+
						`{"text": "A brief.", "published": "21/04/2026"}`+"\n"+
						`{"text": 42}`+"\n"+
						`{"text": "   "}`+"\n"+
						`{"text": "Police said the search would go on.", "published": "2026-04-22T10:00:00+05:30"}`+"\n"))
			},
			errs: []string{
				`bad.jsonl:2: record has no "text" field`,
				`bad.jsonl:3: not JSON: invalid character 'x' looking for beginning of value`,
				`bad.jsonl:4: bad "published" "21/04/2026": want RFC 3339 or YYYY-MM-DD`,
				`bad.jsonl:5: bad record: field "text" is a JSON number, want string`,
				`bad.jsonl:6: no article text found: "text" is empty`,
			},
			docs: 2,
		},
		{
			name: "JSON Lines: a line over the limit fails alone",
			setup: func(t *testing.T, dir string) string {
				long := `{"text": "` + strings.Repeat("The search went on. ", 300) + `"}`
				return writeFile(t, dir, "long.jsonl", []byte(`{"text": "First brief."}`+"\n"+long+"\n"+`{"text": "Third brief."}`+"\n"))
			},
			opt:  func(o *Options) { o.MaxBytes = 1024 },
			errs: []string{"long.jsonl:2: is 6012 bytes, over the 1 KiB limit (--max-size)"},
			docs: 2,
		},
		{
			name: "JSON Lines: only blank lines",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "blank.jsonl", []byte("\n\n  \n"))
			},
			errs: []string{"blank.jsonl: empty input: no records, only blank lines"},
			is:   ErrEmpty,
		},
		{
			name: "HTML page over the size limit (50 MiB)",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "huge.html")
				f, err := os.Create(p)
				if err != nil {
					t.Fatal(err)
				}
				w := bufio.NewWriter(f)
				w.WriteString("<html><body>")
				para := "<p>Gunmen opened fire on tourists at a meadow near Anantnag, police said.</p>\n"
				for n := len("<html><body>"); n < 50<<20; n += len(para) {
					w.WriteString(para)
				}
				if err := w.Flush(); err != nil {
					t.Fatal(err)
				}
				f.Close()
				return p
			},
			errs: []string{"huge.html: is 52 MB, over the 20 MiB limit (--max-size)"},
		},
		{
			name: "gzipped page over the size limit once decompressed",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "big.html.gz", gz(t, []byte("<html><body><p>"+strings.Repeat("Police said the search went on. ", 2000)+"</p></body></html>")))
			},
			opt:  func(o *Options) { o.MaxBytes = 32 << 10 },
			errs: []string{"big.html.gz: is 64 kB, over the 32 KiB limit (--max-size)"},
		},
		{
			name: "JSON array",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "a.json", []byte(`[{"text": "A brief."}]`))
			},
			errs: []string{"a.json: unsupported format: a JSON array; write one object per line (JSON Lines)"},
			is:   ErrUnsupported,
		},
		{
			name: "pretty-printed JSON",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "p.json", []byte("{\n  \"text\": \"A brief.\"\n}\n"))
			},
			errs: []string{"p.json: unsupported format: JSON spread over several lines"},
			is:   ErrUnsupported,
		},
		{
			name: "HTML page without text",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "blank.html", []byte("<html><head><title>Gallery</title><script>var x = 1;</script></head><body><nav><a href=\"/\">Home</a></nav><img src=\"a.jpg\"></body></html>"))
			},
			errs: []string{"blank.html: no article text found"},
			is:   ErrNoText,
		},
		{
			name:  "missing file",
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "nowhere.txt") },
			errs:  []string{"nowhere.txt: no such file or directory"},
			is:    os.ErrNotExist,
		},
		{
			name: "not a WARC file",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "x.warc", []byte("HTTP/1.1 200 OK\r\n\r\nhello"))
			},
			errs: []string{"x.warc: unsupported format: not a WARC file (no WARC/1.x header)"},
			is:   ErrUnsupported,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := testOptions()
			if tt.opt != nil {
				tt.opt(&opt)
			}
			input := tt.setup(t, t.TempDir())
			var errs []error
			docs := 0
			for _, it := range collect(t, input, opt) {
				if it.Err != nil {
					errs = append(errs, it.Err)
				} else {
					docs++
				}
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(tt.errs))
			}
			for i, want := range tt.errs {
				msg := errs[i].Error()
				if !strings.HasPrefix(msg, input) && !strings.HasPrefix(msg, strings.SplitN(input, ":", 2)[0]) {
					t.Errorf("error %q does not start with the input %q", msg, input)
				}
				if !strings.Contains(msg, want) {
					t.Errorf("error = %q, want it to contain %q", msg, want)
				}
				if strings.Contains(msg, "\n") {
					t.Errorf("error %q is not one line", msg)
				}
				if tt.is != nil && !errors.Is(errs[i], tt.is) {
					t.Errorf("error %q is not %v", msg, tt.is)
				}
			}
			if docs != tt.docs {
				t.Errorf("got %d documents, want %d", docs, tt.docs)
			}
		})
	}
}

func TestTooLargeErrorIs(t *testing.T) {
	items := collect(t, writeFile(t, t.TempDir(), "a.txt", []byte(strings.Repeat("Police said. ", 200))), Options{MaxBytes: 100})
	var tl *TooLargeError
	if len(items) != 1 || !errors.As(items[0].Err, &tl) || tl.Size != 2600 || tl.Limit != 100 {
		t.Fatalf("items = %+v, want one TooLargeError of 2600 bytes", items)
	}
}
