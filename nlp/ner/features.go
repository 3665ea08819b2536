package ner

import (
	"github.com/dossier-osint/dossier/nlp/tag"
)

// Feature templates of the recogniser.
const (
	fLow uint64 = iota + 100
	fShape
	fBias
	fRaw
	fCaseShort
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fLowM1
	fLowM2
	fLowP1
	fLowP2
	fShortM1
	fShortM2
	fShortP1
	fShortP2
	fShortBiL
	fShortBiR
	fBiL
	fBiR
	fPOS
	fPOSM1
	fPOSP1
	fPOSShort
	fChunk
	fChunkPOS
	fInitial
	fClust
	fClustM1
	fClustP1
	fCapRatio
	fCapRatioCase
	fCapRatioM1
	fCapRatioP1
	fGaz
	fGazM1
	fGazP1
	fP1
	fP2
	fP1P2
	fP1Low
	fP1Shape
	fP1Clust
	fLowCase
	fDocCaps
)

var (
	hStart = tag.HashString("<s>")
	hEnd   = tag.HashString("</s>")
)

func at(h []uint64, i int) uint64 {
	if i < 0 {
		return hStart
	}
	if i >= len(h) {
		return hEnd
	}
	return h[i]
}

// sentence holds per-word hashes that features combine.
type sentence struct {
	low, raw, shape, short, pos, chunk []uint64
	pre, suf                           [4][]uint64
	clust                              [3][]uint64
	capr, gaz                          []uint64
	scase                              uint64
}

func grow(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

func (t *sentence) set(lex *Lexicon, words, pos, chunks []string) {
	n := len(words)
	for _, p := range []*[]uint64{&t.low, &t.raw, &t.shape, &t.short, &t.pos, &t.chunk, &t.capr, &t.gaz} {
		*p = grow(*p, n)
	}
	for k := range t.pre {
		t.pre[k] = grow(t.pre[k], n)
		t.suf[k] = grow(t.suf[k], n)
	}
	for k := range t.clust {
		t.clust[k] = grow(t.clust[k], n)
	}
	t.scase = tag.SentenceCase(words)
	for i, w := range words {
		t.low[i] = tag.HashLower(w)
		t.raw[i] = tag.HashString(w)
		t.shape[i], t.short[i] = tag.ShapeHash(w)
		for k := range t.pre {
			t.pre[k][i] = tag.HashLower(tag.Prefix(w, k+1))
			t.suf[k][i] = tag.HashLower(tag.Suffix(w, k+1))
		}
		t.pos[i] = tag.HashString(pos[i])
		t.chunk[i] = tag.HashString(chunks[i])
		e := lex.lookup(t.low[i])
		for k := range t.clust {
			t.clust[k][i] = uint64(e.clusters[k])
		}
		t.capr[i] = uint64(e.capRatio)
		t.gaz[i] = uint64(e.gaz)
	}
}

// features appends the static features of word i; the first two are the
// word and its shape, which the dynamic features reuse.
func (t *sentence) features(i int, out []uint64) []uint64 {
	m := tag.Mix
	out = append(out,
		m(fLow, t.low[i], 0, 0),
		m(fShape, t.shape[i], 0, 0),
		m(fBias, 0, 0, 0),
		m(fRaw, t.raw[i], 0, 0),
		m(fCaseShort, t.scase, t.short[i], 0),
		m(fLowCase, t.scase, t.low[i], 0),
		m(fPre1, t.pre[0][i], 0, 0),
		m(fPre2, t.pre[1][i], 0, 0),
		m(fPre3, t.pre[2][i], 0, 0),
		m(fPre4, t.pre[3][i], 0, 0),
		m(fSuf1, t.suf[0][i], 0, 0),
		m(fSuf2, t.suf[1][i], 0, 0),
		m(fSuf3, t.suf[2][i], 0, 0),
		m(fSuf4, t.suf[3][i], 0, 0),
		m(fLowM1, at(t.low, i-1), 0, 0),
		m(fLowM2, at(t.low, i-2), 0, 0),
		m(fLowP1, at(t.low, i+1), 0, 0),
		m(fLowP2, at(t.low, i+2), 0, 0),
		m(fShortM1, at(t.short, i-1), t.scase, 0),
		m(fShortM2, at(t.short, i-2), t.scase, 0),
		m(fShortP1, at(t.short, i+1), t.scase, 0),
		m(fShortP2, at(t.short, i+2), t.scase, 0),
		m(fShortBiL, at(t.short, i-1), t.short[i], 0),
		m(fShortBiR, t.short[i], at(t.short, i+1), 0),
		m(fBiL, at(t.low, i-1), t.low[i], 0),
		m(fBiR, t.low[i], at(t.low, i+1), 0),
		m(fPOS, t.pos[i], 0, 0),
		m(fPOSM1, at(t.pos, i-1), 0, 0),
		m(fPOSP1, at(t.pos, i+1), 0, 0),
		m(fPOSShort, t.pos[i], t.short[i], t.scase),
		m(fChunk, t.chunk[i], 0, 0),
		m(fChunkPOS, t.chunk[i], t.pos[i], at(t.chunk, i+1)),
		m(fCapRatio, t.capr[i], 0, 0),
		m(fCapRatioCase, t.capr[i], t.scase, t.short[i]),
		m(fCapRatioM1, at(t.capr, i-1), 0, 0),
		m(fCapRatioP1, at(t.capr, i+1), 0, 0),
	)
	for k := range t.clust {
		if t.clust[k][i] > 0 {
			out = append(out,
				m(fClust, uint64(k), t.clust[k][i], 0),
				m(fClustM1, uint64(k), at(t.clust[k], i-1), 0),
				m(fClustP1, uint64(k), at(t.clust[k], i+1), 0),
			)
		}
	}
	if t.gaz[i] != 0 {
		out = append(out, m(fGaz, t.gaz[i], 0, 0))
	}
	if i > 0 && t.gaz[i-1] != 0 {
		out = append(out, m(fGazM1, t.gaz[i-1], 0, 0))
	}
	if i+1 < len(t.gaz) && t.gaz[i+1] != 0 {
		out = append(out, m(fGazP1, t.gaz[i+1], 0, 0))
	}
	if i == 0 {
		out = append(out, m(fInitial, t.short[i], t.capr[i], 0))
	}
	return out
}

// dynamic appends the features of the two previous decisions.
func dynamic(st []uint64, clust uint64, p1, p2 int, out []uint64) []uint64 {
	a, b := uint64(p1+3), uint64(p2+3)
	m := tag.Mix
	return append(out,
		m(fP1, a, 0, 0),
		m(fP2, b, 0, 0),
		m(fP1P2, a, b, 0),
		m(fP1Low, a, st[0], 0),
		m(fP1Shape, a, st[1], 0),
		m(fP1Clust, a, clust, 0),
	)
}
