package ingest

import (
	"bytes"
	"fmt"
	"strings"
)

// sniffLen is how much of an input is looked at to decide its format.
const sniffLen = 8 << 10

var (
	htmlExt  = map[string]bool{".html": true, ".htm": true, ".xhtml": true, ".shtml": true, ".php": true, ".asp": true, ".aspx": true}
	feedExt  = map[string]bool{".rss": true, ".atom": true, ".xml": true, ".rdf": true}
	jsonlExt = map[string]bool{".jsonl": true, ".ndjson": true, ".json": true, ".jsonlines": true}
	warcExt  = map[string]bool{".warc": true, ".arc": true}
	docExt   = map[string]string{".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".odt": "OpenDocument", ".rtf": "RTF", ".epub": "EPUB"}
)

// sniff decides the format of an input from its first bytes, its file
// extension (lower case, "" if none) and, for a fetched response, its
// Content-Type. Content wins over the extension where it is unambiguous: a
// .txt file holding HTML is read as HTML.
func sniff(head []byte, ext, ctype string) (string, error) {
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return FormatWARC, nil
	}
	if warcExt[ext] {
		return "", fmt.Errorf("%w: not a WARC file (no WARC/1.x header)", ErrUnsupported)
	}
	if bytes.HasPrefix(head, []byte("%PDF")) {
		return "", fmt.Errorf("%w: PDF documents are not read; convert to text first", ErrUnsupported)
	}
	if kind, ok := docExt[ext]; ok {
		return "", fmt.Errorf("%w: %s documents are not read; convert to text first", ErrUnsupported, kind)
	}
	utf16 := bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF})
	if !utf16 && looksBinary(head) {
		if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
			return "", fmt.Errorf("%w (a ZIP archive)", ErrBinary)
		}
		return "", ErrBinary
	}
	if utf16 {
		return FormatText, nil // decoded by the text reader; HTML in UTF-16 is rare
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	lower := strings.ToLower(string(t[:min(len(t), 1024)]))
	ct := strings.ToLower(ctype)
	switch {
	case (jsonlExt[ext] || ext == "") && len(t) > 0 && t[0] == '[':
		return "", fmt.Errorf("%w: a JSON array; write one object per line (JSON Lines)", ErrUnsupported)
	case jsonlExt[ext] && len(t) > 0 && t[0] == '{' && !firstLineIsObject(t):
		return "", fmt.Errorf("%w: JSON spread over several lines; write one object per line (JSON Lines)", ErrUnsupported)
	case jsonlExt[ext]:
		return FormatJSONL, nil
	case strings.HasPrefix(lower, "<?xml"), strings.HasPrefix(lower, "<rss"), strings.HasPrefix(lower, "<feed"), strings.HasPrefix(lower, "<rdf:rdf"):
		if isFeed(lower) {
			return FormatFeed, nil
		}
		if strings.Contains(lower, "<html") {
			return FormatHTML, nil
		}
		if feedExt[ext] || strings.Contains(ct, "xml") {
			return FormatFeed, nil // let the feed parser say what is wrong
		}
		return "", fmt.Errorf("%w: XML that is neither an RSS/Atom feed nor XHTML", ErrUnsupported)
	case strings.HasPrefix(lower, "<"):
		return FormatHTML, nil
	case len(t) > 0 && t[0] == '{' && firstLineIsObject(t):
		return FormatJSONL, nil
	case strings.Contains(ct, "html") || htmlExt[ext] && looksHTML(lower):
		return FormatHTML, nil
	case feedExt[ext] || strings.Contains(ct, "rss") || strings.Contains(ct, "atom"):
		return FormatFeed, nil
	case looksHTML(lower):
		return FormatHTML, nil
	}
	return FormatText, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func isFeed(lower string) bool {
	return strings.Contains(lower, "<rss") || strings.Contains(lower, "<feed") || strings.Contains(lower, "<rdf:rdf")
}

// looksHTML reports whether text that does not start with a tag still
// carries HTML markup.
func looksHTML(lower string) bool {
	for _, tag := range []string{"</p>", "<br>", "<br/>", "<br />", "</div>", "<p>", "</a>", "</body>"} {
		if strings.Contains(lower, tag) {
			return true
		}
	}
	return false
}

func firstLineIsObject(t []byte) bool {
	line, _, found := bytes.Cut(t, []byte("\n"))
	if !found {
		return true // a single line (or longer than we looked): try JSON
	}
	return bytes.HasSuffix(bytes.TrimRight(line, " \t\r"), []byte("}"))
}

// looksBinary reports whether head is binary data rather than text: it
// holds a NUL byte, or more than 5% of it is control characters other than
// whitespace.
func looksBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	return ctl*20 > len(head)
}
