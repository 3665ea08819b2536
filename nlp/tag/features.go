package tag

// Feature templates. The numbers only need to be distinct.
const (
	tBias uint64 = iota + 1
	tLow
	tRaw
	tShape
	tShort
	tPre1
	tPre2
	tPre3
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPrevLow
	tPrev2Low
	tNextLow
	tNext2Low
	tPrevSuf3
	tNextSuf3
	tPrevShort
	tNextShort
	tCaseShort
	tInitialCaps
	tP1
	tP2
	tP1P2
	tP1Word
	tPOS
	tPOSm1
	tPOSm2
	tPOSp1
	tPOSp2
	tPOSm1POS
	tPOSPOSp1
	tPOSTri
	tP1POS
	tLowPOS
	tHyphen
)

// boundary hashes for positions outside the sentence.
var (
	hStart = HashString("<s>")
	hEnd   = HashString("</s>")
)

// tokens holds the hashes of a sentence's words that features combine.
type tokens struct {
	low, raw, shape, short      []uint64
	pre1, pre2, pre3            []uint64
	suf1, suf2, suf3, suf4, pos []uint64
	hyphen                      []bool
	scase                       uint64
}

func grow(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

func (t *tokens) set(words, pos []string) {
	n := len(words)
	for _, p := range []*[]uint64{&t.low, &t.raw, &t.shape, &t.short, &t.pre1, &t.pre2, &t.pre3, &t.suf1, &t.suf2, &t.suf3, &t.suf4, &t.pos} {
		*p = grow(*p, n)
	}
	if cap(t.hyphen) < n {
		t.hyphen = make([]bool, n)
	}
	t.hyphen = t.hyphen[:n]
	t.scase = SentenceCase(words)
	for i, w := range words {
		t.low[i] = HashLower(w)
		t.raw[i] = HashString(w)
		t.shape[i], t.short[i] = ShapeHash(w)
		t.pre1[i] = HashLower(Prefix(w, 1))
		t.pre2[i] = HashLower(Prefix(w, 2))
		t.pre3[i] = HashLower(Prefix(w, 3))
		t.suf1[i] = HashLower(Suffix(w, 1))
		t.suf2[i] = HashLower(Suffix(w, 2))
		t.suf3[i] = HashLower(Suffix(w, 3))
		t.suf4[i] = HashLower(Suffix(w, 4))
		t.hyphen[i] = false
		for j := 1; j < len(w)-1; j++ {
			if w[j] == '-' {
				t.hyphen[i] = true
			}
		}
		if pos != nil {
			t.pos[i] = HashString(pos[i])
		}
	}
}

func at(h []uint64, i int) uint64 {
	if i < 0 {
		return hStart
	}
	if i >= len(h) {
		return hEnd
	}
	return h[i]
}

// static appends the features of word i that do not depend on earlier
// decisions. The first feature is always the word itself, the second (for
// a chunker) its POS tag: dynamic relies on that.
func (t *tokens) static(kind string, i int, out []uint64) []uint64 {
	out = append(out, Mix(tLow, t.low[i], 0, 0))
	if kind == KindChunk {
		out = append(out,
			Mix(tPOS, t.pos[i], 0, 0),
			Mix(tPOSm1, at(t.pos, i-1), 0, 0),
			Mix(tPOSm2, at(t.pos, i-2), 0, 0),
			Mix(tPOSp1, at(t.pos, i+1), 0, 0),
			Mix(tPOSp2, at(t.pos, i+2), 0, 0),
			Mix(tPOSm1POS, at(t.pos, i-1), t.pos[i], 0),
			Mix(tPOSPOSp1, t.pos[i], at(t.pos, i+1), 0),
			Mix(tPOSTri, at(t.pos, i-1), t.pos[i], at(t.pos, i+1)),
			Mix(tLowPOS, t.low[i], t.pos[i], 0),
		)
	}
	out = append(out,
		Mix(tBias, 0, 0, 0),
		Mix(tRaw, t.raw[i], 0, 0),
		Mix(tShape, t.shape[i], 0, 0),
		Mix(tCaseShort, t.scase, t.short[i], 0),
		Mix(tPre1, t.pre1[i], 0, 0),
		Mix(tPre2, t.pre2[i], 0, 0),
		Mix(tPre3, t.pre3[i], 0, 0),
		Mix(tSuf1, t.suf1[i], 0, 0),
		Mix(tSuf2, t.suf2[i], 0, 0),
		Mix(tSuf3, t.suf3[i], 0, 0),
		Mix(tSuf4, t.suf4[i], 0, 0),
		Mix(tPrevLow, at(t.low, i-1), 0, 0),
		Mix(tPrev2Low, at(t.low, i-2), 0, 0),
		Mix(tNextLow, at(t.low, i+1), 0, 0),
		Mix(tNext2Low, at(t.low, i+2), 0, 0),
		Mix(tPrevSuf3, at(t.suf3, i-1), 0, 0),
		Mix(tNextSuf3, at(t.suf3, i+1), 0, 0),
		Mix(tPrevShort, at(t.short, i-1), 0, 0),
		Mix(tNextShort, at(t.short, i+1), 0, 0),
	)
	if i == 0 {
		out = append(out, Mix(tInitialCaps, t.short[i], 0, 0))
	}
	if t.hyphen[i] {
		out = append(out, Mix(tHyphen, t.suf3[i], 0, 0))
	}
	return out
}

// dynamic appends the features that depend on the previous two decisions
// p1 and p2 (negative at the sentence start); st are word i's static
// features.
func (t *tokens) dynamic(kind string, st []uint64, p1, p2 int, out []uint64) []uint64 {
	a, b := uint64(p1+3), uint64(p2+3)
	out = append(out,
		Mix(tP1, a, 0, 0),
		Mix(tP2, b, 0, 0),
		Mix(tP1P2, a, b, 0),
		Mix(tP1Word, a, st[0], 0),
	)
	if kind == KindChunk {
		out = append(out, Mix(tP1POS, a, st[1], 0))
	}
	return out
}
