package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// ref is the reference time of the tests: datelines without a year fall in
// 2026.
var ref = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Now: func() time.Time { return ref }}
}

// collect reads input and returns every item.
func collect(t *testing.T, input string, opt Options) []Item {
	t.Helper()
	var items []Item
	for it := range Read(context.Background(), input, opt) {
		if it.Err == nil && it.Doc == nil {
			t.Fatalf("%s: item with neither document nor error", it.Input)
		}
		items = append(items, it)
	}
	return items
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// want is what a test expects of one document; empty fields are not
// checked, except Agency and Place which are checked when wantDateline.
type want struct {
	Input, Format, Title, URL, Source, Outlet, Agency, Place, Byline, Dateline string
	Published                                                                  string // RFC 3339, or "zero"
	Has, Lacks                                                                 []string
}

func (w want) check(t *testing.T, it Item) {
	t.Helper()
	if it.Err != nil {
		t.Errorf("%s: unexpected error: %v", it.Input, it.Err)
		return
	}
	d := it.Doc
	eq := func(field, got, want string) {
		t.Helper()
		if want != "" && got != want {
			t.Errorf("%s: %s = %q, want %q", it.Input, field, got, want)
		}
	}
	if w.Input != "" && !strings.HasSuffix(it.Input, w.Input) {
		t.Errorf("Input = %q, want suffix %q", it.Input, w.Input)
	}
	eq("Format", d.Format, w.Format)
	eq("Title", d.Title, w.Title)
	eq("URL", d.URL, w.URL)
	eq("Outlet", d.Outlet, w.Outlet)
	eq("Agency", d.Agency, w.Agency)
	eq("Place", d.Place, w.Place)
	eq("Byline", d.Byline, w.Byline)
	eq("Dateline", d.Dateline, w.Dateline)
	if w.Source != "" && !strings.HasSuffix(d.Source, w.Source) {
		t.Errorf("%s: Source = %q, want suffix %q", it.Input, d.Source, w.Source)
	}
	switch {
	case w.Published == "zero":
		if !d.Published.IsZero() {
			t.Errorf("%s: Published = %v, want none", it.Input, d.Published)
		}
	case w.Published != "":
		wt, err := time.Parse(time.RFC3339, w.Published)
		if err != nil {
			t.Fatal(err)
		}
		if !d.Published.Equal(wt) {
			t.Errorf("%s: Published = %v, want %v", it.Input, d.Published, wt)
		}
	}
	for _, s := range w.Has {
		if !strings.Contains(d.Text, s) {
			t.Errorf("%s: text lacks %q:\n%s", it.Input, s, d.Text)
		}
	}
	for _, s := range w.Lacks {
		if strings.Contains(d.Text, s) {
			t.Errorf("%s: text has %q:\n%s", it.Input, s, d.Text)
		}
	}
	if strings.Contains(d.Text, "\r") || strings.HasPrefix(d.Text, "\uFEFF") {
		t.Errorf("%s: text keeps CR or BOM: %q", it.Input, d.Text)
	}
}

const latin1Story = "MUZAFFARABAD, April 25 (Capital Wire) - A caf\u00e9 owner in Muzaffarabad said on Friday that police had questioned him about two guests who had stayed \u00abfor a week\u00bb before the attack.\n\nThe men paid in cash, he said, and spoke little.\n"

const htmlArticle = `<html><head><title>Drones sent over Pahalgam forests</title>
<meta property="og:site_name" content="Valley Times"></head>
<body><nav><a href="/">Home</a> <a href="/jk">J&amp;K</a></nav>
<article><h1>Drones sent over Pahalgam forests</h1>
<p>PAHALGAM, April 24 (VT) — Security forces sent drones over the forests above Pahalgam on Friday as the search for the gunmen who killed nine tourists entered its fourth day.</p>
<p>Officials said the gunmen were believed to be hiding in caves used by shepherds in summer, and that villagers had been asked to report any strangers.</p>
<p>Share this article</p>
</article><footer>Copyright Valley Times</footer></body></html>`

func TestReadFormats(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string
		opt   func(*Options)
		want  []want
	}{
		{
			name: "plain text with headline and dateline",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "attack.txt", fixture(t, "attack.txt"))
			},
			want: []want{{
				Format: FormatText, Title: "Curfew imposed in parts of Anantnag district", Source: "attack.txt",
				Agency: "FNA", Outlet: "FNA", Place: "Srinagar", Dateline: "SRINAGAR, April 22 (FNA)", Published: "2026-04-22T00:00:00Z",
				Has: []string{"Curfew imposed in parts of Anantnag district\n\nSRINAGAR, April 22 (FNA) — Authorities", "district magistrate Tariq Lone"},
			}},
		},
		{
			name: "Latin-1 text, CRLF line ends",
			setup: func(t *testing.T, dir string) string {
				b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(strings.ReplaceAll(latin1Story, "\n", "\r\n")))
				if err != nil {
					t.Fatal(err)
				}
				return writeFile(t, dir, "latin1.txt", b)
			},
			want: []want{{
				Format: FormatText, Place: "Muzaffarabad", Agency: "Capital Wire", Published: "2026-04-25T00:00:00Z",
				Has: []string{"A café owner", "«for a week»", "Friday that police", "spoke little."},
			}},
		},
		{
			name: "Windows-1252 curly quotes",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "cp1252.txt", []byte("Police said the men were \x93not locals\x94 and had paid \x80200 for the room.\n"))
			},
			want: []want{{Format: FormatText, Title: "", Has: []string{"were “not locals” and had paid €200"}}},
		},
		{
			name: "UTF-8 BOM and CR line ends",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "bom.txt", []byte("\xEF\xBB\xBFShutdown in Srinagar\r\rTraders kept their shops closed on Wednesday.\r"))
			},
			want: []want{{Format: FormatText, Title: "Shutdown in Srinagar", Has: []string{"Shutdown in Srinagar\n\nTraders kept"}}},
		},
		{
			name: "UTF-16 text with BOM",
			setup: func(t *testing.T, dir string) string {
				s := "JAMMU, April 26 (FNA) — Two suspects were flown to Jammu for questioning."
				b := []byte{0xFF, 0xFE}
				for _, r := range s {
					if r > 0xFFFF {
						t.Fatal("non-BMP rune in test text")
					}
					b = append(b, byte(r), byte(r>>8))
				}
				return writeFile(t, dir, "utf16.txt", b)
			},
			want: []want{{Format: FormatText, Place: "Jammu", Agency: "FNA", Has: []string{"Two suspects were flown"}}},
		},
		{
			name: "gzipped text",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "attack.txt.gz", gz(t, fixture(t, "attack.txt")))
			},
			want: []want{{Format: FormatText, Title: "Curfew imposed in parts of Anantnag district", Place: "Srinagar"}},
		},
		{
			name: "HTML article without boilerplate",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "attack.html", fixture(t, "attack.html"))
			},
			want: []want{{
				Format: FormatHTML, Title: "Gunmen kill nine tourists near Anantnag", Byline: "Rehana Dar", Outlet: "Frontier Herald",
				URL: "https://frontierherald.example/kashmir/gunmen-kill-nine-tourists-anantnag", Agency: "FNA", Place: "Srinagar",
				Published: "2026-04-21T18:40:00+05:30", // metadata beats the dateline
				Has: []string{
					"SRINAGAR, April 21 (FNA) — Gunmen opened fire",
					"police said.\n\nThe attack was claimed",
					"trained in camps run by the group last year.",
				},
				Lacks: []string{"Also read", "READ MORE", "Share on", "Advertisement", "Privacy policy", "Opinion", "Curfew imposed", "All rights reserved", "trackPageView", "Search"},
			}},
		},
		{
			name: "HTML in windows-1252 declared by meta",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "brief.html", fixture(t, "brief.html"))
			},
			want: []want{{
				Format: FormatHTML, Title: "Two held over Rawalakot camp", Place: "Anantnag", Published: "2026-04-23T00:00:00Z",
				Has:   []string{"ANANTNAG, April 23: Police", "Lashkar-e-Qahhar.\n\nThe men were produced", "a café owner"},
				Lacks: []string{"Most read", "Share this", "Traffic restored", "E-paper"},
			}},
		},
		{
			name:  "a .txt file holding HTML is read as HTML",
			setup: func(t *testing.T, dir string) string { return writeFile(t, dir, "saved.txt", []byte(htmlArticle)) },
			want: []want{{
				Format: FormatHTML, Title: "Drones sent over Pahalgam forests", Outlet: "Valley Times", Place: "Pahalgam", Agency: "VT",
				Has: []string{"PAHALGAM, April 24 (VT) — Security forces"}, Lacks: []string{"<p>", "Home", "Share this", "Copyright"},
			}},
		},
		{
			name: "RSS feed",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "valley.rss", fixture(t, "valley.rss"))
			},
			want: []want{
				{
					Input: "valley.rss#1", Format: FormatFeed, Title: "Search operation in forests above Pahalgam enters third day",
					URL: "https://valleytimes.example/jk/search-operation-third-day", Source: "https://valleytimes.example/jk/search-operation-third-day",
					Outlet: "Valley Times - Kashmir", Byline: "Imran Wani", Agency: "VT", Place: "Srinagar",
					Published: "2026-04-23T17:05:00+05:30",
					Has:       []string{"SRINAGAR, April 23 (VT) — Security forces", "drones over the forests above Pahalgam on Thursday.\n\n\"The terrain", "said Colonel Vikram Rathore, who"},
					Lacks:     []string{"<p>", "<b>", "Also read"},
				},
				{
					Input: "valley.rss#2", Format: FormatFeed, Title: "Traders observe shutdown in protest against the killings",
					Published: "2026-04-22T11:30:00+05:30", Has: []string{"Shops and businesses in Srinagar"}, Lacks: []string{"<p>"},
				},
				// #3 has no text: an error item, checked in TestReadErrors.
			},
		},
		{
			name:  "Atom feed",
			setup: func(t *testing.T, dir string) string { return writeFile(t, dir, "wire.atom", fixture(t, "wire.atom")) },
			want: []want{{
				Input: "wire.atom#1", Format: FormatFeed, Title: "Foreign office calls for impartial inquiry", Outlet: "Capital Wire: Pakistan",
				Byline: "Saima Qureshi", Agency: "Capital Wire", Place: "Islamabad", URL: "https://capitalwire.example/pk/impartial-inquiry",
				Published: "2026-04-22T14:00:00Z",
				Has:       []string{"near Anantnag.\n\nA spokesperson said"},
			}},
		},
		{
			name: "short HTML snippet",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "snippet.htm", []byte("<div><b>ANANTNAG, April 23:</b> Two men were held.<br>Police said more arrests were likely.</div>"))
			},
			want: []want{{Format: FormatHTML, Place: "Anantnag", Published: "2026-04-23T00:00:00Z", Has: []string{"ANANTNAG, April 23: Two men were held.\nPolice said"}}},
		},
		{
			name: "RSS feed in windows-1252",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "cp.xml", []byte("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>Caf\xe9 Wire</title>"+
					"<item><title>Owner questioned</title><link>https://cafewire.example/a</link><description>The caf\xe9 owner said he saw \x93nothing unusual\x94.</description></item></channel></rss>"))
			},
			want: []want{{Format: FormatFeed, Outlet: "Café Wire", Title: "Owner questioned", Published: "zero", Has: []string{"The café owner said he saw “nothing unusual”."}}},
		},
		{
			name: "JSON Lines, bad lines skipped",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "corpus.jsonl", fixture(t, "corpus.jsonl"))
			},
			want: []want{
				{
					Input: "corpus.jsonl:1", Format: FormatJSONL, Title: "Pakistan rejects allegations over Anantnag attack",
					URL: "https://capitalwire.example/pk/rejects", Outlet: "Capital Wire", Byline: "Saima Qureshi", Agency: "Capital Wire",
					Place: "Islamabad", Published: "2026-04-22T00:00:00Z", Source: "corpus.jsonl:1",
				},
				{Input: "corpus.jsonl:2", Place: "Srinagar", Dateline: "Srinagar, Apr 23", Published: "2026-04-23T00:00:00Z"},
				{Input: "corpus.jsonl:6", Source: "afp-wire", Agency: "AFP", Outlet: "AFP", Place: "Karachi", Published: "2026-04-24T09:15:00Z"},
			},
		},
		{
			name: "gzipped JSON Lines",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "c.jsonl.gz", gz(t, fixture(t, "corpus.jsonl")))
			},
			want: []want{{Input: "c.jsonl.gz:1", Format: FormatJSONL}, {Input: "c.jsonl.gz:2"}, {Input: "c.jsonl.gz:6"}},
		},
		{
			name: "--published overrides metadata and dateline",
			setup: func(t *testing.T, dir string) string {
				return writeFile(t, dir, "attack.html", fixture(t, "attack.html"))
			},
			opt:  func(o *Options) { o.Published = time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC) },
			want: []want{{Format: FormatHTML, Published: "2026-04-30T00:00:00Z", Place: "Srinagar"}},
		},
		{
			name:  "WARC",
			setup: func(t *testing.T, dir string) string { return writeFile(t, dir, "crawl.warc", testWARC(t, false)) },
			want:  warcWant("crawl.warc"),
		},
		{
			name:  "WARC, gzip member per record",
			setup: func(t *testing.T, dir string) string { return writeFile(t, dir, "crawl.warc.gz", testWARC(t, true)) },
			want:  warcWant("crawl.warc.gz"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := testOptions()
			if tt.opt != nil {
				tt.opt(&opt)
			}
			input := tt.setup(t, t.TempDir())
			var docs []Item
			for _, it := range collect(t, input, opt) {
				if it.Err == nil {
					docs = append(docs, it)
				}
			}
			if len(docs) != len(tt.want) {
				for _, d := range docs {
					t.Logf("%s: %q", d.Input, d.Doc.Title)
				}
				t.Fatalf("got %d documents, want %d", len(docs), len(tt.want))
			}
			for i, w := range tt.want {
				w.check(t, docs[i])
			}
		})
	}
}

func TestReadStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() {
		w.Write(fixture(t, "corpus.jsonl"))
		w.Close()
	}()
	var inputs []string
	for _, it := range collect(t, "-", testOptions()) {
		inputs = append(inputs, it.Input)
	}
	if got, want := strings.Join(inputs, " "), "stdin:1 stdin:2 stdin:4 stdin:5 stdin:6"; got != want {
		t.Errorf("inputs = %s, want %s", got, want)
	}
}

// TestReadDirectory checks that a directory is read recursively in sorted
// order, hidden files and images skipped, and that one bad file does not
// stop the good ones.
func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b/attack.html", fixture(t, "attack.html"))
	writeFile(t, dir, "a/attack.txt", fixture(t, "attack.txt"))
	writeFile(t, dir, "a/broken.txt.gz", gz(t, fixture(t, "attack.txt"))[:40])
	writeFile(t, dir, "c/valley.rss", fixture(t, "valley.rss"))
	writeFile(t, dir, "c/photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	writeFile(t, dir, "c/report.pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"))
	writeFile(t, dir, ".git/HEAD", []byte("ref: refs/heads/main\n"))
	writeFile(t, dir, "a/.draft.txt", []byte("Not to be read.\n"))
	writeFile(t, dir, "d/empty.txt", nil)

	var got []string
	for _, it := range collect(t, dir, testOptions()) {
		rel, _ := filepath.Rel(dir, strings.SplitN(strings.SplitN(it.Input, "#", 2)[0], ":", 2)[0])
		suffix := ""
		if i := strings.IndexAny(it.Input, "#"); i >= 0 {
			suffix = it.Input[i:]
		}
		status := "ok"
		if it.Err != nil {
			status = "error"
		}
		got = append(got, fmt.Sprintf("%s%s %s", filepath.ToSlash(rel), suffix, status))
	}
	want := []string{
		"a/attack.txt ok",
		"a/broken.txt.gz error",
		"b/attack.html ok",
		"c/report.pdf error",
		"c/valley.rss#1 ok",
		"c/valley.rss#2 ok",
		"c/valley.rss#3 error",
		"d/empty.txt error",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadStopsWhenAsked checks that breaking out of the loop stops the
// walk.
func TestReadStopsWhenAsked(t *testing.T) {
	dir := t.TempDir()
	for i := range 5 {
		writeFile(t, dir, fmt.Sprintf("%d.txt", i), fixture(t, "attack.txt"))
	}
	n := 0
	for range Read(context.Background(), dir, testOptions()) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("read %d items after break, want 2", n)
	}
}

func TestTextOffsetsStable(t *testing.T) {
	// The dateline stays inside Text and the headline too: nothing is cut
	// from the text the spans will point into.
	items := collect(t, filepath.Join("testdata", "attack.txt"), testOptions())
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	d := items[0].Doc
	want := strings.TrimSpace(strings.ReplaceAll(string(fixture(t, "attack.txt")), "\r\n", "\n"))
	if d.Text != want {
		t.Errorf("text changed:\n%q\nwant\n%q", d.Text, want)
	}
}
