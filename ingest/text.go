package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier"
	"golang.org/x/text/encoding/charmap"
	unicodeenc "golang.org/x/text/encoding/unicode"
)

// decodeText turns the bytes of a text file into UTF-8: a UTF-8 or UTF-16
// byte order mark is honoured and stripped, and text that is not valid
// UTF-8 is read as Windows-1252 (a superset of Latin-1) when it looks like
// Latin-1 text, or refused with ErrEncoding.
func decodeText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicodeenc.UTF16(unicodeenc.BigEndian, unicodeenc.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("%w: bad UTF-16: %v", ErrEncoding, err)
		}
		return string(out), nil
	case bytes.HasPrefix(data, utf8BOM):
		data = data[len(utf8BOM):]
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if err := checkLatin1(data); err != nil {
		return "", err
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	return string(out), nil
}

// checkLatin1 reports whether data, which is not valid UTF-8, reads as
// Latin-1/Windows-1252 text: in such text bytes above 0x7F are accented
// letters and typographic signs scattered among ASCII, never bytes that
// Windows-1252 leaves undefined and rarely in runs, which is what CJK
// double-byte encodings and random binary data look like.
func checkLatin1(data []byte) error {
	high, inRun := 0, 0
	for i, c := range data {
		if c < 0x80 {
			continue
		}
		high++
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return fmt.Errorf("%w (invalid UTF-8 at byte %d, and byte 0x%02X is undefined in Windows-1252)", ErrEncoding, firstInvalid(data), c)
		}
		if i > 0 && data[i-1] >= 0x80 || i+1 < len(data) && data[i+1] >= 0x80 {
			inRun++
		}
	}
	if len(data) >= 256 && high*5 > len(data) || high >= 8 && inRun*2 > high {
		return fmt.Errorf("%w (invalid UTF-8 at byte %d; %d of %d bytes are non-ASCII, unlike Latin-1 text)", ErrEncoding, firstInvalid(data), high, len(data))
	}
	return nil
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// normaliseText makes line ends LF, drops a byte order mark and other
// invisible format characters at the start, and trims surrounding blank
// space. Offsets are taken into the result, so it is done once, here.
func normaliseText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(s)
}

// parseText reads a plain-text article.
func parseText(data []byte, opt Options, fallback time.Time) (*dossier.Document, error) {
	s, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	doc := &dossier.Document{Format: FormatText, Text: normaliseText(s)}
	if doc.Text == "" {
		return nil, fmt.Errorf("%w (only blank space)", ErrNoText)
	}
	finish(doc, opt, fallback)
	return doc, nil
}

// headline returns the first line of text if it reads as a headline: a
// single short line, followed by more text, that does not end like a
// sentence and is not a dateline.
func headline(text string) string {
	line, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(rest) == "" {
		return ""
	}
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "By ") || strings.HasPrefix(line, "BY ") {
		return "" // a byline
	}
	if line == "" || len(line) > 160 || len(strings.Fields(line)) > 25 {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && first != '"' && first != '“' && first != '\'' {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?;:,…-–—", last) {
		return ""
	}
	if _, ok := ParseDateline(line, time.Time{}); ok {
		return ""
	}
	return line
}

// finish fills what every reader derives from the text: a headline as
// Title when none is known, the dateline's place, agency and date, and the
// publication time by precedence — Options.Published, then the input's
// own metadata (already in doc.Published), then the dateline, then
// fallback (a crawl date).
func finish(doc *dossier.Document, opt Options, fallback time.Time) {
	if doc.Title == "" {
		doc.Title = headline(doc.Text)
	}
	ref := doc.Published
	if ref.IsZero() {
		ref = opt.Published
	}
	if ref.IsZero() {
		ref = fallback
	}
	if ref.IsZero() {
		ref = opt.Now()
	}
	if dl, ok := findDateline(doc.Text, ref); ok {
		doc.Place = dl.Place
		doc.Agency = dl.Agency
		doc.Dateline = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(doc.Text[dl.Span.Start:dl.Span.End]), "-–—:"))
		if doc.Outlet == "" {
			doc.Outlet = dl.Agency
		}
		if doc.Published.IsZero() {
			doc.Published = dl.Date
		}
	}
	if doc.Published.IsZero() {
		doc.Published = fallback
	}
	if !opt.Published.IsZero() {
		doc.Published = opt.Published
	}
}

// findDateline looks for a dateline at the head of the story: at the start
// of the text, or after a short first paragraph (a headline or a kicker).
// The span returned is into text.
func findDateline(text string, ref time.Time) (Dateline, bool) {
	if dl, ok := ParseDateline(text, ref); ok {
		return dl, true
	}
	i := strings.IndexByte(text, '\n')
	if i < 0 || i > 200 {
		return Dateline{}, false
	}
	j := i
	for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t') {
		j++
	}
	dl, ok := ParseDateline(text[j:], ref)
	if !ok {
		return Dateline{}, false
	}
	dl.Span.Start += j
	dl.Span.End += j
	return dl, true
}
