package ingest

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readFeed reads an RSS, Atom (or JSON Feed) document: each item is a
// document, its text taken from content:encoded, content or description
// and cleaned of HTML, the feed's title as its outlet. An item with no
// text is a failure of that item only.
func readFeed(ctx context.Context, src *source, data []byte, opt Options, yield func(Item) bool) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		fail(yield, src.input, fmt.Errorf("malformed feed: %w", err))
		return
	}
	if len(feed.Items) == 0 {
		fail(yield, src.input, fmt.Errorf("%w: feed %q has no items", ErrNoText, feed.Title))
		return
	}
	for i, it := range feed.Items {
		if ctx.Err() != nil {
			fail(yield, src.input, ctx.Err())
			return
		}
		input := fmt.Sprintf("%s#%d", src.input, i+1)
		doc, err := feedItem(feed, it, opt)
		if err != nil {
			if !fail(yield, input, err) {
				return
			}
			continue
		}
		doc.Source = doc.URL
		if doc.Source == "" {
			doc.Source = fmt.Sprintf("%s#%d", src.locator, i+1)
		}
		if !yield(Item{Input: input, Doc: doc}) {
			return
		}
	}
}

func feedItem(feed *gofeed.Feed, it *gofeed.Item, opt Options) (*dossier.Document, error) {
	body := it.Content
	if strings.TrimSpace(fragmentText(body)) == "" {
		body = it.Description
	}
	text := normaliseText(fragmentText(body))
	if text == "" {
		return nil, fmt.Errorf("%w: item %q has no content or description", ErrNoText, it.Title)
	}
	doc := &dossier.Document{
		Format:   FormatFeed,
		Text:     text,
		Title:    strings.TrimSpace(fragmentText(it.Title)),
		URL:      strings.TrimSpace(it.Link),
		Outlet:   strings.TrimSpace(feed.Title),
		Language: strings.TrimSpace(feed.Language),
	}
	var names []string
	for _, a := range it.Authors {
		if a != nil && a.Name != "" {
			names = append(names, a.Name)
		}
	}
	if len(names) == 0 && it.Author != nil {
		names = append(names, it.Author.Name)
	}
	doc.Byline = strings.TrimSpace(strings.Join(names, ", "))
	switch {
	case it.PublishedParsed != nil:
		doc.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		doc.Published = *it.UpdatedParsed
	}
	finish(doc, opt, time.Time{})
	return doc, nil
}

// fragmentText turns a fragment of HTML (as feeds carry) into plain text
// in paragraphs; text without markup only has its entities decoded.
func fragmentText(s string) string {
	if !strings.ContainsRune(s, '<') {
		return html.UnescapeString(s)
	}
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return html.UnescapeString(s)
	}
	root := &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return renderText(root)
}
