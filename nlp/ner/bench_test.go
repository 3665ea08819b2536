package ner

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/nlp/models"
	"github.com/dossier-osint/dossier/nlp/tag"
)

// newsText generates news-like sentences from invented parts.
func newsText(n int) [][]string {
	rng := rand.New(rand.NewSource(1))
	subj := []string{"The army", "Police in Kandahar", "A spokesman for the Northern Alliance", "President Omar Haddad", "Officials of the World Food Programme", "Rebel commander Ilyas Karimov"}
	verb := []string{"said", "denied", "reported", "confirmed", "announced"}
	obj := []string{"that 12 people were killed in an attack on a market in Jalalabad on Monday", "talks with the government in Kabul would resume next week", "the arrest of three men suspected of planning bombings in Lahore", "that aid convoys had reached the border town of Torkham", "an agreement with Reuters and the BBC on coverage of the elections"}
	out := make([][]string, n)
	for i := range out {
		s := subj[rng.Intn(len(subj))] + " " + verb[rng.Intn(len(verb))] + " " + obj[rng.Intn(len(obj))] + " ."
		out[i] = strings.Fields(s)
	}
	return out
}

// BenchmarkNER measures the whole chain a document goes through: POS
// tagging, chunking and entity recognition.
func BenchmarkNER(b *testing.B) {
	sents := newsText(200)
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	posM, chunkM, m := tag.DefaultPOS(), tag.DefaultChunker(), Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			pos := posM.Tag(s)
			m.Tag(s, pos, chunkM.TagChunks(s, pos))
		}
	}
	b.ReportMetric(float64(b.N*tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkNEROnly measures the recogniser alone, given POS and chunks.
func BenchmarkNEROnly(b *testing.B) {
	sents := newsText(200)
	tokens := 0
	var pos, chunks [][]string
	for _, s := range sents {
		tokens += len(s)
		p := tag.DefaultPOS().Tag(s)
		pos, chunks = append(pos, p), append(chunks, tag.DefaultChunker().TagChunks(s, p))
	}
	m := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, s := range sents {
			m.Tag(s, pos[k], chunks[k])
		}
	}
	b.ReportMetric(float64(b.N*tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures decoding the shipped recogniser (what Default
// does once per process).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(models.NER)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNERDocument measures the recogniser on whole documents of ten
// sentences, as TagDocument reads them, given POS and chunks.
func BenchmarkNERDocument(b *testing.B) {
	sents := newsText(200)
	tokens := 0
	var pos, chunks [][]string
	for _, s := range sents {
		tokens += len(s)
		p := tag.DefaultPOS().Tag(s)
		pos, chunks = append(pos, p), append(chunks, tag.DefaultChunker().TagChunks(s, p))
	}
	m := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := 0; k < len(sents); k += 10 {
			m.TagDocument(sents[k:k+10], pos[k:k+10], chunks[k:k+10])
		}
	}
	b.ReportMetric(float64(b.N*tokens)/b.Elapsed().Seconds(), "tokens/s")
}
