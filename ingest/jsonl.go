package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
)

// record is one line of a JSON Lines corpus.
type record struct {
	Text      *string `json:"text"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Published string  `json:"published"`
	Outlet    string  `json:"outlet"`
	Byline    string  `json:"byline"`
	Source    string  `json:"source"`
}

// readJSONL reads a JSON Lines corpus one line at a time: memory stays
// bounded by the longest line (at most MaxBytes), whatever the size of the
// file. A bad line is a failure of that line only.
func readJSONL(ctx context.Context, src *source, br *bufio.Reader, opt Options, yield func(Item) bool) {
	var line []byte
	records := 0
	for n := 1; ; n++ {
		if n%256 == 0 && ctx.Err() != nil {
			fail(yield, src.input, ctx.Err())
			return
		}
		var tooLong int64
		var err error
		line, tooLong, err = readLine(br, line[:0], opt.MaxBytes)
		if err != nil && err != io.EOF {
			fail(yield, src.input, fmt.Errorf("%w (after line %d)", err, n-1))
			return
		}
		input := fmt.Sprintf("%s:%d", src.input, n)
		if tooLong > 0 || len(bytes.TrimSpace(line)) > 0 {
			records++
		}
		switch {
		case tooLong > 0:
			if !fail(yield, input, &TooLargeError{Size: tooLong, Limit: opt.MaxBytes}) {
				return
			}
		case len(bytes.TrimSpace(line)) > 0:
			doc, derr := jsonlDoc(line, opt)
			if derr != nil {
				if !fail(yield, input, derr) {
					return
				}
			} else {
				if doc.Source == "" {
					doc.Source = fmt.Sprintf("%s:%d", src.locator, n)
				}
				if !yield(Item{Input: input, Doc: doc}) {
					return
				}
			}
		case err == io.EOF && records == 0:
			fail(yield, src.input, fmt.Errorf("%w: no records, only blank lines", ErrEmpty))
			return
		}
		if err == io.EOF {
			return
		}
	}
}

// readLine appends the next line of br (without its line end) to buf. A
// line longer than max is read to its end but not kept: its length is
// returned as tooLong.
func readLine(br *bufio.Reader, buf []byte, max int64) (line []byte, tooLong int64, err error) {
	var total int64
	for {
		chunk, err := br.ReadSlice('\n')
		total += int64(len(chunk))
		if tooLong == 0 && total > max+2 { // +2: the line end is not content
			tooLong = -1
			buf = buf[:0]
		}
		if tooLong == 0 {
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong != 0 {
			tooLong = total - int64(len(chunk)-len(bytes.TrimRight(chunk, "\r\n")))
			buf = buf[:0]
		}
		line = bytes.TrimRight(buf, "\r\n")
		if tooLong == 0 && int64(len(line)) > max {
			tooLong, line = int64(len(line)), line[:0]
		}
		return line, tooLong, err
	}
}

func jsonlDoc(line []byte, opt Options) (*dossier.Document, error) {
	var r record
	if err := json.Unmarshal(line, &r); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("bad record: field %q is a JSON %s, want %s", te.Field, te.Value, te.Type)
		}
		return nil, fmt.Errorf("not JSON: %w", err)
	}
	if r.Text == nil {
		return nil, errors.New("record has no \"text\" field")
	}
	s, err := decodeText([]byte(*r.Text))
	if err != nil {
		return nil, err
	}
	doc := &dossier.Document{
		Format: FormatJSONL,
		Text:   normaliseText(s),
		Title:  strings.TrimSpace(r.Title),
		URL:    strings.TrimSpace(r.URL),
		Outlet: strings.TrimSpace(r.Outlet),
		Byline: strings.TrimSpace(r.Byline),
		Source: strings.TrimSpace(r.Source),
	}
	if doc.Text == "" {
		return nil, fmt.Errorf("%w: \"text\" is empty", ErrNoText)
	}
	if p := strings.TrimSpace(r.Published); p != "" {
		t, err := time.Parse(time.RFC3339, p)
		if err != nil {
			t, err = time.Parse("2006-01-02", p)
		}
		if err != nil {
			return nil, fmt.Errorf("bad \"published\" %q: want RFC 3339 or YYYY-MM-DD", p)
		}
		doc.Published = t
	}
	finish(doc, opt, time.Time{})
	return doc, nil
}
