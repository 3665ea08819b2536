// Package rules is dossier's rule engine: a token-pattern matcher in the
// spirit of Stanford TokensRegex, spaCy's Matcher and Odin. Rules are data
// (YAML files with a name, a pattern, what the rule emits and examples);
// patterns are compiled once to a small NFA program and run Pike-VM style
// over one sentence at a time, so matching never backtracks and takes time
// linear in the sentence length for a fixed rule set.
//
// The package knows nothing about the NLP pipeline: callers convert their
// annotated sentence to []Token. The user documentation of the file format
// is docs/rules.md.
package rules

// Token is one annotated token of a sentence, as the rule engine sees it.
type Token struct {
	// Word is the token as written.
	Word string
	// Lower is Word in lower case.
	Lower string
	// Lemma is the dictionary form ("said" → "say").
	Lemma string
	// POS is the Penn Treebank tag (NNP, VBD, …).
	POS string
	// Chunk is the IOB chunk tag (B-NP, I-NP, B-VP, O).
	Chunk string
	// Entity is the type of the named-entity mention covering the token
	// (PERSON, ORG, GPE, LOC, NORP, EVENT, MISC …) without B-/I- prefix,
	// or "" outside mentions.
	Entity string
	// EntityStart is true on the first token of each mention; it lets a
	// pattern stop at the boundary between two adjacent mentions.
	EntityStart bool
	// Gaz is the gazetteer class of the token ("title", "honorific",
	// "country", "demonym", "place") or "".
	Gaz string
}

// Span is a half-open range [Start, End) of token indices in a sentence.
type Span struct {
	Start, End int
}

// Len is the number of tokens in s.
func (s Span) Len() int { return s.End - s.Start }

// inMention reports whether t continues the mention of the token before it.
func (t *Token) inMention() bool { return t.Entity != "" && !t.EntityStart }
