package ner

import (
	"unicode"
	"unicode/utf8"

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
	fDocCapsShort
	fPhrase
	fTGaz
	fTGazShort
	fTGazM1
	fTGazP1
	fHist
	fHistShort
	fHistP1
	fAgg
	fAggShort
	fAggP1
	fCapRun
	fCapRunShort
	fShortLowP1
	fLowM1Short
	fDict
	fDictShort
	fUni
	fUniShort
	fUniM1
	fUniP1
	fP1Ctx
	fRunLast
	fRunFirst
	fRunConn
	fRunLastShort
	fFirstOwn
	fFirstNext
	fFirstNext2
	fFirstOwnNext
	fDocName
	fDocNameOwn
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
	capr, gaz, dict, uni               []uint64
	dcaps                              []uint64
	// caprun is the word's place in its run of capitalised words (gazB,
	// gazI, gazL, gazU, 0 when not capitalised) times 8 plus the run's
	// length (at most 4).
	caprun []uint64
	tgaz   []uint32
	// dctx combines the gazetteer codes, the capitalised run and the
	// training labels of the word, for the features of earlier decisions.
	dctx  []uint64
	scase uint64
	// runs turns on the features of name runs (runPos, runFirst, runLast).
	runs bool
	// runPos is the word's place in its name run (capitalised words, possibly
	// joined by single connectors such as "of": gazB, gazI, gazL, gazU; 0
	// outside) times 16 plus 8 when the run has a connector plus the run's
	// length (at most 7); runFirst and runLast are the lower-cased hashes of
	// the run's first and last words. Mixed-case sentences only.
	runPos, runFirst, runLast []uint64
}

func grow(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

func (t *sentence) set(lex *Lexicon, g *phraseGaz, doc *docInfo, words, pos, chunks []string) {
	n := len(words)
	for _, p := range []*[]uint64{&t.low, &t.raw, &t.shape, &t.short, &t.pos, &t.chunk, &t.capr, &t.gaz, &t.dict, &t.uni, &t.dcaps, &t.caprun, &t.dctx} {
		*p = grow(*p, n)
	}
	if cap(t.tgaz) < n {
		t.tgaz = make([]uint32, n)
	}
	t.tgaz = t.tgaz[:n]
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
		t.dict[i] = uint64(e.dict)
		t.uni[i] = g.uniCode(t.low[i])
		t.dcaps[i] = 0
		if doc != nil {
			t.dcaps[i] = uint64(doc.caps[t.low[i]])
		}
	}
	g.mark(t.low, t.tgaz)
	for i := 0; i < n; {
		if !capitalised(words[i]) {
			t.caprun[i] = 0
			i++
			continue
		}
		j := i + 1
		for j < n && capitalised(words[j]) {
			j++
		}
		l := uint64(min(j-i, 4))
		for k := i; k < j; k++ {
			code := uint64(spanCode(k, i, j-1))
			t.caprun[k] = code*8 + l
		}
		i = j
	}
	for i := range t.dctx {
		t.dctx[i] = tag.Mix(fP1Ctx, uint64(t.tgaz[i]), t.caprun[i], t.uni[i])
	}
	if t.runs {
		t.nameRuns(words)
	}
}

// connectors are the lower-case words that may join the capitalised words
// of one name ("Bank of England", "Trinidad and Tobago", "Jaish-e-Mohammed
// de la ...").
var connectors = map[string]bool{"of": true, "and": true, "de": true, "del": true, "la": true,
	"du": true, "des": true, "der": true, "van": true, "von": true, "for": true, "the": true, "&": true}

// nameRuns sets runPos, runFirst and runLast.
func (t *sentence) nameRuns(words []string) {
	n := len(words)
	for _, p := range []*[]uint64{&t.runPos, &t.runFirst, &t.runLast} {
		*p = grow(*p, n)
		clear(*p)
	}
	if t.scase != 0 {
		return
	}
	for i := 0; i < n; {
		if !capitalised(words[i]) {
			i++
			continue
		}
		j, conn := i+1, uint64(0)
		for j < n {
			if capitalised(words[j]) {
				j++
				continue
			}
			if j+1 < n && connectors[words[j]] && capitalised(words[j+1]) {
				conn = 8
				j += 2
				continue
			}
			break
		}
		l := uint64(min(j-i, 7))
		for k := i; k < j; k++ {
			code := uint64(spanCode(k, i, j-1))
			t.runPos[k] = code*16 + conn + l
			t.runFirst[k] = t.low[i]
			t.runLast[k] = t.low[j-1]
		}
		i = j
	}
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
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
		m(fCapRun, t.caprun[i], t.scase, uint64(min(i, 1))),
		m(fDict, t.dict[i], t.scase, 0),
		m(fUni, t.uni[i], 0, 0),
		m(fUniShort, t.uni[i], t.short[i], t.scase),
		m(fUniM1, at(t.uni, i-1), t.uni[i], 0),
		m(fUniP1, t.uni[i], at(t.uni, i+1), 0),
		m(fDictShort, t.dict[i], t.short[i], uint64(min(i, 1))),
		m(fCapRunShort, t.caprun[i], t.short[i], 0),
		m(fShortLowP1, t.short[i], at(t.low, i+1), 0),
		m(fLowM1Short, at(t.low, i-1), t.short[i], 0),
	)
	if t.runs && t.runPos[i] != 0 {
		code := t.runPos[i] >> 4
		out = append(out,
			m(fRunLast, t.runLast[i], code, 0),
			m(fRunFirst, t.runFirst[i], code, 0),
			m(fRunConn, t.runPos[i], 0, 0),
			m(fRunLastShort, t.runLast[i], t.runPos[i], t.short[i]),
		)
	}

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
	out = append(out,
		m(fDocCaps, t.dcaps[i], t.scase, 0),
		m(fDocCapsShort, t.dcaps[i], t.short[i], uint64(min(i, 1))),
	)
	if g := t.tgaz[i]; g != 0 {
		for k := 0; k < gazClasses; k++ {
			if c := uint64(g >> (3 * k) & 7); c != 0 {
				out = append(out,
					m(fTGaz, uint64(k), c, 0),
					m(fTGazShort, uint64(k), c, t.short[i]),
				)
			}
		}
	}
	if i > 0 && t.tgaz[i-1] != 0 {
		out = append(out, m(fTGazM1, uint64(t.tgaz[i-1]), 0, 0))
	}
	if i+1 < len(t.tgaz) && t.tgaz[i+1] != 0 {
		out = append(out, m(fTGazP1, uint64(t.tgaz[i+1]), 0, 0))
	}
	return out
}

// history appends the features of the labels word i received earlier in
// the document.
func history(doc *docInfo, low, short []uint64, i int, out []uint64) []uint64 {
	if doc == nil {
		return out
	}
	m := tag.Mix
	if maj, share, ok := doc.histCode(low[i]); ok {
		out = append(out,
			m(fHist, maj, share, 0),
			m(fHistShort, maj, share, short[i]),
		)
	}
	if i+1 < len(low) {
		if maj, share, ok := doc.histCode(low[i+1]); ok && maj != 0 {
			out = append(out, m(fHistP1, maj, share, 0))
		}
	}
	return out
}

// dynamic appends the features of the two previous decisions.
func dynamic(st []uint64, clust, ctx uint64, p1, p2 int, out []uint64) []uint64 {
	a, b := uint64(p1+3), uint64(p2+3)
	m := tag.Mix
	return append(out,
		m(fP1, a, 0, 0),
		m(fP2, b, 0, 0),
		m(fP1P2, a, b, 0),
		m(fP1Low, a, st[0], 0),
		m(fP1Shape, a, st[1], 0),
		m(fP1Clust, a, clust, 0),
		m(fP1Ctx, a, ctx, 0),
	)
}

// aggregate appends the features of the first-pass labels of word i's
// other occurrences in the document; own holds the first-pass label types
// of the sentence (-1 for O).
func aggregate(doc *docInfo, low, short []uint64, own []int8, i int, out []uint64) []uint64 {
	m := tag.Mix
	if maj, share, ok := doc.aggCode(low[i], int(own[i])); ok {
		out = append(out,
			m(fAgg, maj, share, 0),
			m(fAggShort, maj, share, short[i]),
		)
	}
	if i+1 < len(low) {
		if maj, share, ok := doc.aggCode(low[i+1], int(own[i+1])); ok && maj != 0 {
			out = append(out, m(fAggP1, maj, share, 0))
		}
	}
	return out
}

// context2 appends the second pass's features of the first pass's
// decisions: the class word i received (with its shape), the classes of
// the next two words, which the left-to-right second pass has not decided
// again yet, and the word's place in the names the first pass found in the
// whole document (docName: 5 bits per type, as docNames.mark sets them).
// first holds the first-pass classes of the sentence.
func context2(first []int, docName []uint32, short []uint64, i int, out []uint64) []uint64 {
	m := tag.Mix
	cls := func(j int) uint64 {
		if j >= len(first) {
			return 0
		}
		return uint64(first[j] + 1)
	}
	own, n1, n2 := cls(i), cls(i+1), cls(i+2)
	out = append(out,
		m(fFirstOwn, own, short[i], 0),
		m(fFirstNext, n1, 0, 0),
		m(fFirstNext2, n1, n2, 0),
		m(fFirstOwnNext, own, n1, 0),
	)
	if g := docName[i]; g != 0 {
		for k := range Types {
			if c := uint64(g >> (5 * k) & 31); c != 0 {
				out = append(out,
					m(fDocName, uint64(k), c, 0),
					m(fDocNameOwn, uint64(k), c, own),
				)
			}
		}
	}
	return out
}
