// Package nlp is dossier's English language layer: it annotates a text with
// tokens (exact byte offsets), sentences, part of speech, chunks, lemmas,
// named-entity mentions and dates, in one Doc that the extractors read.
//
// The parts live in subpackages, each with one job: nlp/text (tokens and
// sentences), nlp/tag (POS tagger, chunker, lemmatiser), nlp/ner (the
// recogniser), nlp/dates (date expressions). Annotate runs them in order.
package nlp

import (
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/gazetteer"
	"github.com/dossier-osint/dossier/nlp/dates"
	"github.com/dossier-osint/dossier/nlp/ner"
	"github.com/dossier-osint/dossier/nlp/tag"
	"github.com/dossier-osint/dossier/nlp/text"
)

// Token is one token and everything the language layer knows of it.
type Token struct {
	text.Token
	// Lemma is the dictionary form of the word ("killed" -> "kill").
	Lemma string
	// POS is the Penn Treebank part-of-speech tag.
	POS string
	// Chunk is the IOB2 chunk tag (B-NP, I-VP, O...).
	Chunk string
	// Entity is the IOB2 named-entity tag with dossier's types
	// (B-PERSON, I-ORG, O...).
	Entity string
}

// Mention is a named-entity mention: tokens [First, Last) of one sentence.
type Mention struct {
	dossier.Span
	First, Last int
	Type        dossier.EntityType
	Text        string
}

// Doc is an annotated text.
type Doc struct {
	Text      string
	Tokens    []Token
	Sentences []text.Sentence
	Mentions  []Mention
	Dates     []dates.Value
}

// Annotate runs the whole language layer over s. Relative dates are
// resolved against published (or left unresolved when it is zero).
func Annotate(s string, published time.Time) *Doc {
	toks := text.Tokenize(s)
	d := &Doc{Text: s, Tokens: make([]Token, len(toks))}
	for i, t := range toks {
		d.Tokens[i] = Token{Token: t, Entity: "O", Chunk: "O"}
	}
	d.Sentences = text.Sentences(s, toks)
	posM, chunkM, nerM := tag.DefaultPOS(), tag.DefaultChunker(), ner.Default()
	// Part of speech and chunks sentence by sentence; named entities over
	// the whole document at once, so that the recogniser can use how a
	// word is written and tagged elsewhere in it.
	var sents []text.Sentence
	var words, poss, chunkss [][]string
	for _, sent := range d.Sentences {
		if sent.Last <= sent.First {
			continue
		}
		w := make([]string, 0, sent.Last-sent.First)
		for _, t := range toks[sent.First:sent.Last] {
			w = append(w, t.Text)
		}
		pos := posM.Tag(w)
		chunks := chunkM.TagChunks(w, pos)
		for k := range w {
			t := &d.Tokens[sent.First+k]
			t.POS, t.Chunk = pos[k], chunks[k]
			t.Lemma = tag.Lemma(w[k], pos[k])
		}
		sents = append(sents, sent)
		words, poss, chunkss = append(words, w), append(poss, pos), append(chunkss, chunks)
	}
	ents := nerM.TagDocument(words, poss, chunkss)
	for i, sent := range sents {
		if sent.Boilerplate {
			continue // "Also read:" links name other stories' entities
		}
		d.addMentions(sent.First, ents[i])
	}
	if !published.IsZero() {
		d.Dates = dates.Find(s, published)
	}
	return d
}

// addMentions turns the IOB2 tags of a sentence starting at token first into
// mentions with dossier's types, and writes the types back on the tokens.
func (d *Doc) addMentions(first int, tags []string) {
	for i := 0; i < len(tags); {
		if tags[i] == "O" || len(tags[i]) < 3 {
			i++
			continue
		}
		typ := tags[i][2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		a, b := first+i, first+j
		m := Mention{Span: dossier.Span{Start: d.Tokens[a].Start, End: d.Tokens[b-1].End}, First: a, Last: b}
		m.Text = d.Text[m.Start:m.End]
		m.Type = refine(typ, m.Text)
		d.Mentions = append(d.Mentions, m)
		for k := a; k < b; k++ {
			prefix := "I-"
			if k == a {
				prefix = "B-"
			}
			d.Tokens[k].Entity = prefix + string(m.Type)
		}
		i = j
	}
}

// refine maps a CoNLL type (PER, ORG, LOC, MISC) to dossier's schema with
// the gazetteers: a LOC that is a country or city is a GPE, a MISC that is a
// nationality is a NORP.
func refine(conll, name string) dossier.EntityType {
	switch conll {
	case "PER":
		return dossier.Person
	case "ORG":
		return dossier.Org
	case "LOC":
		if _, ok := gazetteer.Country(name); ok {
			return dossier.GPE
		}
		if gazetteer.IsPlace(name) {
			return dossier.GPE
		}
		return dossier.Loc
	case "MISC":
		if _, ok := gazetteer.Demonym(name); ok {
			return dossier.NORP
		}
		return dossier.Misc
	}
	return dossier.Misc
}
