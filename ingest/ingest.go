// Package ingest reads inputs — plain text, HTML pages, RSS and Atom feeds,
// WARC archives, JSON Lines corpora, files, directories, stdin and URLs —
// and turns each article found into a *dossier.Document with its text and
// what is known about where it came from (title, byline, outlet, agency,
// dateline, place, publication time).
//
// It does not compute document IDs, drop duplicates or store anything: the
// batch runner (package ingest/batch) does that with what Read yields.
//
// A failure of one file, record or line is yielded as an Item with Err, an
// error whose message names the input and the problem on one line, and
// reading goes on with the next one.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
)

// Defaults of Options.
const (
	DefaultTimeout  = 20 * time.Second
	DefaultMaxBytes = 20 << 20
)

// Options configure Read.
type Options struct {
	// AllowPrivate allows fetching URLs that resolve to loopback, private,
	// link-local or otherwise non-public addresses (tests with httptest
	// use it). Without it such fetches are refused at dial time.
	AllowPrivate bool
	// Timeout bounds each URL fetch, body included (default 20s).
	Timeout time.Duration
	// MaxBytes bounds each input file, record, line or response (default
	// 20 MiB). Larger inputs are reported as errors, not truncated.
	MaxBytes int64
	// Published, if set, is the publication time of every document read,
	// whatever the input says (the --published flag).
	Published time.Time
	// HTTPClient, if set, is used for URL fetches as given; its transport
	// is then responsible for refusing private addresses. By default a
	// client that checks every dialled address is used.
	HTTPClient *http.Client
	// Now is the reference time for datelines without a year when the
	// input gives no better one (default time.Now).
	Now func() time.Time
	// Stdin is what the input "-" reads (default os.Stdin).
	Stdin io.Reader
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Item is one document read, or one failure. Input names the file or URL,
// and for a record within a file its position: "feed.xml#3" for the third
// feed item or WARC record, "corpus.jsonl:17" for line 17.
type Item struct {
	Input string
	Doc   *dossier.Document
	Err   error
}

// Errors a failed Item may wrap (test with errors.Is).
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary content, not text")
	ErrEncoding    = errors.New("text is neither UTF-8 nor Latin-1/Windows-1252")
	ErrNoText      = errors.New("no article text found")
	ErrUnsupported = errors.New("unsupported format")
	ErrPrivate     = errors.New("refused to fetch a private or local address (use --allow-private)")
)

// TooLargeError reports an input over the size limit.
type TooLargeError struct {
	Size  int64 // bytes, or -1 when only known to exceed Limit
	Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("is over the %s limit (--max-size)", mib(e.Limit))
	}
	return fmt.Sprintf("is %s, over the %s limit (--max-size)", mb(e.Size), mib(e.Limit))
}

// mb writes a size in decimal units, as file managers show it.
func mb(n int64) string {
	switch {
	case n >= 10_000_000:
		return fmt.Sprintf("%d MB", (n+500_000)/1_000_000)
	case n >= 1_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 10_000:
		return fmt.Sprintf("%d kB", (n+500)/1000)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// mib writes a limit in binary units, as --max-size takes it.
func mib(n int64) string {
	switch {
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n%1024 == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// Read walks one input — a file, a directory (recursively), "-" for stdin,
// or an http(s) URL — and yields one Item per document or failure.
//
// The format is decided by content and extension together (see sniff):
// gzip is decompressed first; then WARC, JSON Lines, RSS/Atom, HTML or
// plain text. A directory is walked in sorted order, skipping hidden files
// and directories and the images, media, fonts, stylesheets and scripts
// listed in skippedExt; any other file that cannot be read (a PDF, a
// binary) yields an error item. Items read from stdin have Input "stdin".
// Breaking out of the loop stops the walk.
func Read(ctx context.Context, input string, opt Options) iter.Seq[Item] {
	opt = opt.withDefaults()
	return func(yield func(Item) bool) {
		switch {
		case input == "-":
			in := opt.Stdin
			if in == nil {
				in = os.Stdin
			}
			readStream(ctx, "stdin", "", in, -1, opt, yield)
		case isURL(input):
			readURL(ctx, input, opt, yield)
		default:
			readPath(ctx, input, opt, yield)
		}
	}
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// fail yields a failure of input, its message prefixed with the input's
// name; it returns false when the consumer wants no more items.
func fail(yield func(Item) bool, input string, err error) bool {
	return yield(Item{Input: input, Err: fmt.Errorf("%s: %w", input, err)})
}

func readPath(ctx context.Context, path string, opt Options, yield func(Item) bool) {
	info, err := os.Stat(path)
	if err != nil {
		fail(yield, path, unwrapPathError(err))
		return
	}
	if !info.IsDir() {
		readFile(ctx, path, info, opt, yield)
		return
	}
	walkErr := filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err != nil {
			if !fail(yield, p, unwrapPathError(err)) {
				return filepath.SkipAll
			}
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&os.ModeSymlink == 0 {
			return nil
		}
		if notArticle(p) {
			return nil
		}
		fi, err := os.Stat(p)
		if err != nil {
			if !fail(yield, p, unwrapPathError(err)) {
				return filepath.SkipAll
			}
			return nil
		}
		if fi.IsDir() {
			return nil // a symlink to a directory: not followed
		}
		stop := false
		readFile(ctx, p, fi, opt, func(it Item) bool {
			if !yield(it) {
				stop = true
				return false
			}
			return true
		})
		if stop {
			return filepath.SkipAll
		}
		return nil
	})
	if walkErr != nil {
		fail(yield, path, walkErr)
	}
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// skippedExt lists the extensions a directory walk passes over silently:
// images, audio, video, fonts, stylesheets and scripts sit beside saved
// pages and are never articles. Named explicitly, such a file is still read
// (and reported as binary). Other unknown files, PDFs and office documents
// included, yield an error so that an article that could not be read is
// never lost without a word.
var skippedExt = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".bmp": true,
	".ico": true, ".svg": true, ".tif": true, ".tiff": true, ".avif": true, ".heic": true,
	".mp3": true, ".wav": true, ".ogg": true, ".m4a": true, ".flac": true,
	".mp4": true, ".webm": true, ".mov": true, ".avi": true, ".mkv": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".css": true, ".js": true, ".mjs": true, ".map": true,
}

func notArticle(path string) bool {
	return skippedExt[strings.ToLower(filepath.Ext(path))]
}

func readFile(ctx context.Context, path string, info os.FileInfo, opt Options, yield func(Item) bool) {
	f, err := os.Open(path)
	if err != nil {
		fail(yield, path, unwrapPathError(err))
		return
	}
	defer f.Close()
	readStream(ctx, path, path, f, info.Size(), opt, yield)
}

// Formats of Document.Format.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatFeed  = "feed"
	FormatWARC  = "warc"
	FormatJSONL = "jsonl"
)

// source describes one input stream being read.
type source struct {
	input   string // name for Items and errors
	locator string // Document.Source (path or URL)
	url     string // the URL it was fetched from, if any
	size    int64  // on-disk size if known and not compressed, else -1
	gzipped bool
	ctype   string // Content-Type of a fetched response
}

// readStream sniffs and reads one stream. name is used to guess the format
// from its extension ("" for none).
func readStream(ctx context.Context, input, name string, r io.Reader, size int64, opt Options, yield func(Item) bool) {
	src := &source{input: input, locator: input, size: size}
	readSource(ctx, src, name, r, opt, yield)
}

func readSource(ctx context.Context, src *source, name string, r io.Reader, opt Options, yield func(Item) bool) {
	ext := strings.ToLower(filepath.Ext(name))
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(2)
	if ext == ".gz" || ext == ".tgz" || bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			if errors.Is(err, io.EOF) {
				fail(yield, src.input, ErrEmpty)
			} else {
				fail(yield, src.input, fmt.Errorf("not gzip: %w", gzipErr(err)))
			}
			return
		}
		defer zr.Close()
		if ext == ".gz" {
			name = strings.TrimSuffix(name, filepath.Ext(name))
			ext = strings.ToLower(filepath.Ext(name))
		}
		src.gzipped = true
		src.size = -1
		br = bufio.NewReaderSize(&gzipReader{zr}, 64<<10)
	}
	head, err := br.Peek(sniffLen)
	if len(head) == 0 {
		if err != nil && err != io.EOF {
			fail(yield, src.input, err)
		} else {
			fail(yield, src.input, ErrEmpty)
		}
		return
	}
	format, err := sniff(head, ext, src.ctype)
	if err != nil {
		fail(yield, src.input, err)
		return
	}
	switch format {
	case FormatJSONL:
		readJSONL(ctx, src, br, opt, yield)
	case FormatWARC:
		readWARC(ctx, src, br, opt, yield)
	default:
		data, err := readAllLimited(br, src.size, opt.MaxBytes, src.url == "") // a fetch is not read on
		if err != nil {
			fail(yield, src.input, err)
			return
		}
		if format == FormatFeed {
			readFeed(ctx, src, data, opt, yield)
			return
		}
		var doc *dossier.Document
		if format == FormatHTML {
			doc, err = parseHTML(data, src.ctype, src.url, opt, time.Time{})
		} else {
			doc, err = parseText(data, opt, time.Time{})
		}
		if err != nil {
			fail(yield, src.input, err)
			return
		}
		doc.Source = src.locator
		if doc.URL == "" {
			doc.URL = src.url
		}
		yield(Item{Input: src.input, Doc: doc})
	}
}

// gzipReader turns the unexpected EOF of a truncated gzip stream into an
// error that says so.
type gzipReader struct{ r *gzip.Reader }

func (g *gzipReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = gzipErr(err)
	}
	return n, err
}

var errTruncatedGzip = errors.New("truncated gzip stream")

func gzipErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errTruncatedGzip
	}
	if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
		return fmt.Errorf("corrupt gzip stream: %w", err)
	}
	return err
}

// readAllLimited reads all of r, or fails with a TooLargeError past max.
// size is the input's size when known (else -1); with countRest, an input
// found too large is read on (up to 1 GiB) so that the error can say how
// large it is.
func readAllLimited(r io.Reader, size, max int64, countRest bool) ([]byte, error) {
	if size > max {
		return nil, &TooLargeError{Size: size, Limit: max}
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		size := int64(-1)
		if countRest {
			if n, err := io.Copy(io.Discard, io.LimitReader(r, 1<<30)); err == nil && n < 1<<30 {
				size = int64(len(data)) + n
			}
		}
		return nil, &TooLargeError{Size: size, Limit: max}
	}
	return data, nil
}
