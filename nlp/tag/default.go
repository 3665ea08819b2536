package tag

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/dossier-osint/dossier/nlp/models"
)

var (
	posOnce, chunkOnce sync.Once
	posModel, chunkMdl *Model
)

// DefaultPOS returns the shipped part-of-speech tagger, decoded once.
func DefaultPOS() *Model {
	posOnce.Do(func() { posModel = mustLoad("pos", models.POS) })
	return posModel
}

// DefaultChunker returns the shipped chunker, decoded once.
func DefaultChunker() *Model {
	chunkOnce.Do(func() { chunkMdl = mustLoad("chunk", models.Chunk) })
	return chunkMdl
}

func mustLoad(name string, b []byte) *Model {
	m, err := Load(bytes.NewReader(b))
	if err != nil {
		// The models are part of the binary: a bad one is a build error.
		panic(fmt.Sprintf("embedded %s model: %v", name, err))
	}
	return m
}
