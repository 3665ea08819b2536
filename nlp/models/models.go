// Package models embeds the trained models shipped with dossier: the POS
// tagger, the chunker and the named-entity recogniser (see README.md for the
// command that reproduces each). It holds bytes only; packages nlp/tag and
// nlp/ner decode them.
package models

import _ "embed"

// POS is the gzip'd part-of-speech tagger (nlp/tag).
//
//go:embed pos.gz
var POS []byte

// Chunk is the gzip'd chunker (nlp/tag).
//
//go:embed chunk.gz
var Chunk []byte

// NER is the gzip'd named-entity recogniser (nlp/ner).
//
//go:embed ner.gz
var NER []byte
