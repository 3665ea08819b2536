package ner

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/dossier-osint/dossier/nlp/models"
	"github.com/dossier-osint/dossier/nlp/tag"
)

var (
	defaultOnce  sync.Once
	defaultModel *Model
)

// Default returns the shipped recogniser, decoded once.
func Default() *Model {
	defaultOnce.Do(func() {
		m, err := Load(bytes.NewReader(models.NER))
		if err != nil {
			// The model is part of the binary: a bad one is a build error.
			panic(fmt.Sprintf("embedded ner model: %v", err))
		}
		defaultModel = m
	})
	return defaultModel
}

func posChunkers() (*tag.Model, *tag.Model) { return tag.DefaultPOS(), tag.DefaultChunker() }
