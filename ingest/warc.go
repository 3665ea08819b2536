package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/nlnwa/gowarc"
)

// readWARC reads a WARC 1.0/1.1 archive (already decompressed when it was
// a .warc.gz) with gowarc, one record at a time. Each response record
// holding a 200 response with an HTML or plain-text payload is a document
// (URL: WARC-Target-URI; publication time: the page's own, else its
// dateline, else WARC-Date). Other records are skipped silently; a record
// over MaxBytes or a payload that cannot be read is a failure of that
// record only.
func readWARC(ctx context.Context, src *source, br *bufio.Reader, opt Options, yield func(Item) bool) {
	wr, err := gowarc.NewWarcFileReaderFromStream(br, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
	)
	if err != nil {
		fail(yield, src.input, fmt.Errorf("not WARC: %w", err))
		return
	}
	defer wr.Close()
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			fail(yield, src.input, ctx.Err())
			return
		}
		rec, _, _, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		input := fmt.Sprintf("%s#%d", src.input, n)
		if err != nil {
			fail(yield, input, fmt.Errorf("malformed WARC record: %w", err))
			return // the stream cannot be resynchronised
		}
		if rec.Type() != gowarc.Response {
			continue
		}
		doc, err := warcResponse(rec, opt)
		if err != nil {
			if !fail(yield, input, err) {
				return
			}
			continue
		}
		if doc == nil {
			continue
		}
		if !yield(Item{Input: input, Doc: doc}) {
			return
		}
	}
}

// warcResponse reads the document of a response record, or nil if the
// record holds no article (not a 200, not HTML or text).
func warcResponse(rec gowarc.WarcRecord, opt Options) (*dossier.Document, error) {
	if n, err := rec.ContentLength(); err == nil && n > opt.MaxBytes {
		return nil, &TooLargeError{Size: n, Limit: opt.MaxBytes}
	}
	block, ok := rec.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, nil // a response to something other than HTTP
	}
	if block.HttpStatusCode() != 200 {
		return nil, nil
	}
	hdr := block.HttpHeader()
	ctype := ""
	if hdr != nil {
		ctype = hdr.Get("Content-Type")
	}
	mt, _, _ := mime.ParseMediaType(ctype)
	var format string
	switch mt {
	case "text/html", "application/xhtml+xml":
		format = FormatHTML
	case "text/plain":
		format = FormatText
	default:
		return nil, nil
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return nil, fmt.Errorf("read payload: %w", err)
	}
	if hdr != nil && strings.EqualFold(hdr.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(payload)
		if err != nil {
			return nil, fmt.Errorf("payload: %w", gzipErr(err))
		}
		defer zr.Close()
		payload = &gzipReader{zr}
	}
	data, err := readAllLimited(payload, -1, opt.MaxBytes, false)
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("%w: empty payload", ErrEmpty)
	}
	target := rec.WarcHeader().Get(gowarc.WarcTargetURI)
	target = strings.Trim(target, "<>")
	crawled, _ := rec.Date()
	var doc *dossier.Document
	if format == FormatHTML {
		doc, err = parseHTML(data, ctype, target, opt, crawled)
	} else {
		if looksBinary(data[:min(len(data), sniffLen)]) {
			return nil, ErrBinary
		}
		doc, err = parseText(data, opt, crawled)
	}
	if err != nil {
		return nil, err
	}
	doc.Format = FormatWARC
	doc.Source = target
	if doc.URL == "" {
		doc.URL = target
	}
	return doc, nil
}
