package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dossier-osint/dossier"
	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// decodeHTML converts a page to UTF-8, following (in order) its byte order
// mark, the charset of its Content-Type, and its <meta charset>; a page
// that declares nothing is read as UTF-8 when valid, else as
// Windows-1252.
func decodeHTML(data []byte, ctype string) (string, error) {
	enc, name, certain := charset.DetermineEncoding(data, ctype)
	if !certain && utf8.Valid(data) || name == "utf-8" {
		s := string(bytes.TrimPrefix(data, utf8BOM))
		if !utf8.ValidString(s) {
			return decodeText(data)
		}
		return s, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%w: decode %s: %v", ErrEncoding, name, err)
	}
	return string(out), nil
}

// parseHTML reads the article of an HTML page: its main text, without
// navigation, footers, share buttons and "Also read" links, in paragraphs
// separated by blank lines; and its title, byline, outlet, publication
// time and canonical URL from the page's metadata.
func parseHTML(data []byte, ctype, pageURL string, opt Options, fallback time.Time) (*dossier.Document, error) {
	s, err := decodeHTML(data, ctype)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, fmt.Errorf("not HTML: %w", err)
	}
	meta := readMeta(root)
	var base *url.URL
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		base = u
	}
	doc := &dossier.Document{Format: FormatHTML}
	// go-readability: on our test pages it gives the cleaner text, where
	// go-trafilatura repeated paragraphs of a <br>-separated body (and
	// its date parser adds 20 MB of tables to the heap at start-up).
	parser := readability.NewParser()
	if art, err := parser.ParseDocument(root, base); err == nil && art.Node != nil {
		doc.Text = normaliseText(renderText(art.Node))
		doc.Title, doc.Byline, doc.Outlet, doc.Language = art.Title, art.Byline, art.SiteName, art.Language
	}
	if doc.Text == "" {
		// A page too small for the extractor: take the whole body.
		if body := findBody(root); body != nil {
			doc.Text = normaliseText(renderText(body))
		}
	}
	if doc.Text == "" {
		return nil, ErrNoText
	}
	if meta.title != "" {
		doc.Title = meta.title
	}
	if doc.Title == "" {
		doc.Title = meta.titleTag
	}
	if meta.byline != "" {
		doc.Byline = meta.byline
	}
	if meta.outlet != "" {
		doc.Outlet = meta.outlet
	}
	if meta.url != "" {
		doc.URL = meta.url
	}
	if doc.URL != "" && base != nil {
		if u, err := base.Parse(doc.URL); err == nil {
			doc.URL = u.String()
		}
	}
	doc.Published = meta.published
	finish(doc, opt, fallback)
	return doc, nil
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

// pageMeta is what a page's <head> and JSON-LD say about its article.
type pageMeta struct {
	title, byline, outlet, url string
	titleTag                   string // <title>, often with the site's name
	published                  time.Time
}

// readMeta reads Open Graph, article:, Dublin Core and JSON-LD metadata.
// Only dates given as metadata are taken: a date guessed from the page's
// text is left to the dateline.
func readMeta(root *html.Node) pageMeta {
	var m pageMeta
	var titleTag string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				val := strings.TrimSpace(attr(n, "content"))
				if val == "" {
					break
				}
				switch key {
				case "og:title", "twitter:title":
					setOnce(&m.title, val)
				case "author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author":
					if !strings.HasPrefix(val, "http") {
						setOnce(&m.byline, strings.TrimPrefix(strings.TrimPrefix(val, "By "), "by "))
					}
				case "og:site_name", "application-name", "publisher", "dc.publisher":
					setOnce(&m.outlet, val)
				case "og:url":
					setOnce(&m.url, val)
				case "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
					"date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date":
					if m.published.IsZero() {
						m.published = parseTime(val)
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					if href := strings.TrimSpace(attr(n, "href")); href != "" {
						m.url = href // canonical beats og:url
					}
				}
			case atom.Title:
				if n.FirstChild != nil {
					titleTag = strings.TrimSpace(n.FirstChild.Data)
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, &m)
				}
			case atom.Time:
				if m.published.IsZero() && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					m.published = parseTime(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	m.titleTag = titleTag
	return m
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// readJSONLD reads an article's headline, author, publisher and
// datePublished from a JSON-LD block (an object, a list, or a @graph).
func readJSONLD(src string, m *pageMeta) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var visit func(v any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
			if _, ok := x["datePublished"]; !ok {
				if _, ok := x["headline"]; !ok {
					return
				}
			}
			if s, ok := x["headline"].(string); ok {
				setOnce(&m.title, strings.TrimSpace(s))
			}
			if m.byline == "" {
				m.byline = ldName(x["author"])
			}
			if m.outlet == "" {
				m.outlet = ldName(x["publisher"])
			}
			if s, ok := x["datePublished"].(string); ok && m.published.IsZero() {
				m.published = parseTime(s)
			}
			if s, ok := x["url"].(string); ok {
				setOnce(&m.url, s)
			}
		}
	}
	visit(v)
}

// ldName returns the name(s) of a JSON-LD person or organisation value.
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "http") {
			return ""
		}
		return strings.TrimSpace(x)
	case map[string]any:
		if s, ok := x["name"].(string); ok {
			return strings.TrimSpace(s)
		}
	case []any:
		var names []string
		for _, e := range x {
			if s := ldName(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// parseTime reads the date formats metadata uses: RFC 3339 with or without
// seconds or zone, and plain dates.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{
		time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
		"2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02",
		time.RFC1123Z, time.RFC1123, "2006/01/02", "20060102",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// blockTags end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Section: true, atom.Article: true, atom.Table: true, atom.Tr: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Figure: true,
	atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Main: true, atom.Aside: true,
	atom.Hr: true, atom.Address: true, atom.Td: true, atom.Th: true, atom.Caption: true,
}

// skipTags hold no article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Button: true, atom.Form: true, atom.Select: true, atom.Nav: true,
	atom.Head: true, atom.Object: true, atom.Embed: true,
}

// renderText writes the text of an HTML tree as paragraphs separated by
// blank lines: white space inside a paragraph is collapsed, <br> becomes a
// line break, and paragraphs that are only links to other stories ("Also
// read: …") or calls to share are dropped.
func renderText(n *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		p := strings.TrimSpace(cur.String())
		cur.Reset()
		if p != "" && !isBoilerplate(p) {
			paras = append(paras, p)
		}
	}
	space := func() {
		s := cur.String()
		if s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
			cur.WriteByte(' ')
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			words := strings.Fields(n.Data)
			if len(words) == 0 {
				if n.Data != "" {
					space()
				}
				return
			}
			if startsWithSpace(n.Data) {
				space()
			}
			cur.WriteString(strings.Join(words, " "))
			if endsWithSpace(n.Data) {
				cur.WriteByte(' ')
			}
			return
		case html.ElementNode:
			if skipTags[tagOf(n)] {
				return
			}
			if tagOf(n) == atom.Br {
				s := strings.TrimRight(cur.String(), " ")
				cur.Reset()
				cur.WriteString(s)
				cur.WriteByte('\n')
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[tagOf(n)]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		for j := range lines {
			lines[j] = strings.TrimSpace(lines[j])
		}
		paras[i] = strings.Join(lines, "\n")
	}
	return strings.Join(paras, "\n\n")
}

func startsWithSpace(s string) bool { return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[0])) }
func endsWithSpace(s string) bool {
	return s != "" && strings.ContainsRune(" \t\n\r\f", rune(s[len(s)-1]))
}

// boilerplatePrefixes open paragraphs that point away from the article.
var boilerplatePrefixes = []string{
	"also read", "read also", "read more", "also see", "see also", "related:", "related stories",
	"recommended:", "must read", "don't miss", "click here", "share this", "share on", "follow us",
	"subscribe to", "sign up for", "advertisement", "sponsored",
}

func isBoilerplate(p string) bool {
	if len(p) > 300 {
		return false
	}
	l := strings.ToLower(p)
	for _, b := range boilerplatePrefixes {
		if strings.HasPrefix(l, b) {
			return true
		}
	}
	return false
}

// tagOf returns the atom of an element, looking it up by name for nodes
// built by an extractor without one.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}
