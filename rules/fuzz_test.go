package rules

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// patternGen turns fuzz bytes into one pattern written twice: in the rule
// syntax over tokens "a", "b", "c" and as a Go regexp over the same letters
// (one byte per token), so Go's regexp package is the reference for the
// leftmost-first semantics, captures included.
type patternGen struct {
	data  []byte
	i     int
	ncap  int
	atoms [][2]string // defaults to atoms
}

func (g *patternGen) next() int {
	if g.i >= len(g.data) {
		return 0
	}
	b := g.data[g.i]
	g.i++
	return int(b)
}

// atoms pairs token tests with equivalent Go regexp atoms.
var atoms = [][2]string{
	{`"a"`, `a`},
	{`"b"`, `b`},
	{`[lower=c]`, `c`},
	{`[]`, `.`},
	{`[lower=a|b]`, `[ab]`},
	{`[lower!=a]`, `[^a]`},
	{`[!lower=b]`, `[^b]`},
	{`[lower=/^[bc]$/]`, `[bc]`},
	{`[lower=a | lower=c]`, `[ac]`},
	{`[word=/a/ & !lower=b]`, `a`},
}

// quantifiers pairs are written the same in both syntaxes.
var quantifiers = []string{"?", "*", "+", "??", "*?", "+?", "{2}", "{1,2}", "{0,3}", "{2,}", "{1,3}?", "{0,}?"}

func (g *patternGen) expr(depth int) (string, string) {
	op := g.next() % 12
	if depth > 4 {
		op = 0
	}
	switch {
	case op < 4:
		list := g.atoms
		if list == nil {
			list = atoms
		}
		a := list[g.next()%len(list)]
		return a[0], a[1]
	case op < 6:
		n := 2 + g.next()%2
		var m, r []string
		for i := 0; i < n; i++ {
			x, y := g.expr(depth + 1)
			m, r = append(m, x), append(r, y)
		}
		return strings.Join(m, " "), strings.Join(r, "")
	case op < 7:
		x1, y1 := g.expr(depth + 1)
		x2, y2 := g.expr(depth + 1)
		return "(" + x1 + " | " + x2 + ")", "(?:" + y1 + "|" + y2 + ")"
	case op < 8:
		g.ncap++
		name := fmt.Sprintf("c%d", g.ncap)
		x, y := g.expr(depth + 1)
		return "(?<" + name + ">" + x + ")", "(?P<" + name + ">" + y + ")"
	case op < 11:
		q := quantifiers[g.next()%len(quantifiers)]
		x, y := g.expr(depth + 1)
		if x == "^" || x == "$" { // repeating an anchor is an error in rules
			return x, y
		}
		return "(" + x + ")" + q, "(?:" + y + ")" + q
	default:
		if g.next()%2 == 0 {
			return "^", "^"
		}
		return "$", "$"
	}
}

// letters turns fuzz text into a sentence over a, b, c.
func letters(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && i < 64; i++ {
		b.WriteByte("abc"[s[i]%3])
	}
	return b.String()
}

// checkAgainstRegexp compares FindAll of the rule pattern with Go's
// FindAllStringSubmatchIndex of the equivalent regexp.
func checkAgainstRegexp(t *testing.T, mine, goRe, text string) {
	t.Helper()
	m, err := Compile(mine, nil)
	if err != nil {
		if strings.Contains(err.Error(), "zero tokens") || strings.Contains(err.Error(), "too large") || strings.Contains(err.Error(), "nesting") {
			return
		}
		t.Fatalf("Compile(%q): %v", mine, err)
	}
	re := regexp.MustCompile(goRe)
	toks := abc(strings.Join(strings.Split(text, ""), " "))
	got := show(m.FindAll(toks))
	var want []string
	for _, loc := range re.FindAllStringSubmatchIndex(text, -1) {
		s := fmt.Sprintf("%d-%d", loc[0], loc[1])
		var cs []string
		names := re.SubexpNames()
		// Sort by name as show does; names are c1…cN, compare numerically via padding.
		type cap struct {
			name string
			s, e int
		}
		var caps []cap
		for k := 1; k < len(names); k++ {
			if loc[2*k] >= 0 {
				caps = append(caps, cap{names[k], loc[2*k], loc[2*k+1]})
			}
		}
		sortCaps := func(i, j int) bool { return caps[i].name < caps[j].name }
		for i := range caps {
			for j := i + 1; j < len(caps); j++ {
				if sortCaps(j, i) {
					caps[i], caps[j] = caps[j], caps[i]
				}
			}
		}
		for _, c := range caps {
			cs = append(cs, fmt.Sprintf("%s=%d-%d", c.name, c.s, c.e))
		}
		if len(cs) > 0 {
			s += "{" + strings.Join(cs, " ") + "}"
		}
		want = append(want, s)
	}
	if got != strings.Join(want, " ") {
		t.Fatalf("pattern %q (regexp %q) on %q:\n got %q\nwant %q", mine, goRe, text, got, strings.Join(want, " "))
	}
	// FindAll's structural promises.
	prevEnd := 0
	for _, x := range m.FindAll(toks) {
		if x.Start < prevEnd || x.End <= x.Start || x.End > len(toks) {
			t.Fatalf("pattern %q on %q: bad match %d-%d after %d", mine, text, x.Start, x.End, prevEnd)
		}
		for n, c := range x.Captures {
			if c.Start < x.Start || c.End > x.End || c.End < c.Start {
				t.Fatalf("pattern %q on %q: capture %s=%v outside match %d-%d", mine, text, n, c, x.Start, x.End)
			}
		}
		prevEnd = x.End
	}
}

// FuzzMatch checks the engine on patterns and sentences built from the
// fuzz input: against Go's regexp package for word patterns, and against a
// backtracking run of the same program for mention patterns (<PERSON>,
// mention=…), which regexps cannot express. Run:
//
//	go test ./rules -run '^$' -fuzz FuzzMatch -fuzztime 60s
func FuzzMatch(f *testing.F) {
	f.Add([]byte{4, 0, 0, 8, 3, 1}, "abcabc")
	f.Add([]byte{9, 2, 6, 1, 0, 0, 2, 1}, "aabbcc")
	f.Add([]byte{7, 0, 10, 5, 0, 3}, "cbacba")
	f.Add([]byte{5, 0, 11, 0, 4, 0, 0, 9, 7, 0, 2}, "abababab")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		g := &patternGen{data: data}
		mine, goRe := g.expr(0)
		checkAgainstRegexp(t, mine, goRe, letters(text))
		g = &patternGen{data: data, atoms: entityAtoms}
		mine, _ = g.expr(0)
		checkAgainstBacktrack(t, mine, entitySentence(text))
	})
}

// TestMatchAgainstRegexp runs the FuzzMatch comparison on a fixed set of
// random patterns, so every plain test run covers it.
func TestMatchAgainstRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		data := make([]byte, 24)
		for j := range data {
			data[j] = byte(rng.IntN(256))
		}
		text := make([]byte, rng.IntN(20))
		for j := range text {
			text[j] = byte(rng.IntN(256))
		}
		g := &patternGen{data: data}
		mine, goRe := g.expr(0)
		checkAgainstRegexp(t, mine, goRe, letters(string(text)))
		g = &patternGen{data: data, atoms: entityAtoms}
		mine, _ = g.expr(0)
		checkAgainstBacktrack(t, mine, entitySentence(string(text)))
	}
}

// entityAtoms are token tests over mentions, which Go regexps cannot
// express; the second column is unused.
var entityAtoms = [][2]string{
	{`<PERSON>`, ""}, {`<ORG>`, ""}, {`<>`, ""}, {`<PERSON|ORG>`, ""},
	{`[ent=PERSON]`, ""}, {`[mention=start]`, ""}, {`[mention=inside]`, ""},
	{`[mention=none]`, ""}, {`[]`, ""}, {`[ent=ORG & mention=start]`, ""},
}

// entitySentence turns fuzz text into a sentence of mentions: each byte
// picks a PERSON or ORG token starting or continuing a mention, or a
// plain token.
func entitySentence(s string) []Token {
	var toks []Token
	for i := 0; i < len(s) && i < 40; i++ {
		t := Token{Word: "w", Lower: "w", Lemma: "w"}
		switch s[i] % 5 {
		case 0:
			t.Entity, t.EntityStart = "PERSON", true
		case 1:
			t.Entity, t.EntityStart = "ORG", true
		case 2, 3: // continue the previous mention, if any
			if len(toks) > 0 && toks[len(toks)-1].Entity != "" {
				t.Entity = toks[len(toks)-1].Entity
			}
		}
		toks = append(toks, t)
	}
	return toks
}

// checkAgainstBacktrack compares the Pike VM (with its liveness pruning)
// with a plain backtracking run of the same program, which explores
// alternatives in priority order and so finds the leftmost-first match.
func checkAgainstBacktrack(t *testing.T, pattern string, toks []Token) {
	t.Helper()
	m, err := Compile(pattern, nil)
	if err != nil {
		return // zero-token patterns, repeated anchors
	}
	got := show(m.FindAll(toks))
	want := show(backtrackFindAll(m, toks))
	if got != want {
		t.Fatalf("pattern %q on %v:\n got %q\nwant %q", pattern, toks, got, want)
	}
}

// backtrackFindAll is the reference matcher: for each start, a depth-first
// search of the program in priority order, memoising failed (pc, position)
// pairs as Go's regexp backtracker does.
func backtrackFindAll(m *Matcher, toks []Token) []Match {
	p := m.prog
	n := len(toks)
	var out []Match
	for pos := 0; pos <= n; {
		found := false
		for s := pos; s <= n && !found; s++ {
			visited := make([]bool, len(p.insts)*(n+1))
			caps := make([]int, 2*len(p.names))
			for i := range caps {
				caps[i] = -1
			}
			var try func(pc, i int) (int, []int, bool)
			try = func(pc, i int) (int, []int, bool) {
				if visited[pc*(n+1)+i] {
					return 0, nil, false
				}
				visited[pc*(n+1)+i] = true
				in := &p.insts[pc]
				switch in.op {
				case opMatch:
					return i, append([]int(nil), caps...), true
				case opToken:
					if i < n && in.test.match(&toks[i]) {
						return try(in.out, i+1)
					}
				case opJmp:
					return try(in.out, i)
				case opAssert:
					if holds(assertKind(in.arg), toks, i) {
						return try(in.out, i)
					}
				case opSplit:
					if e, c, ok := try(in.out, i); ok {
						return e, c, true
					}
					return try(in.out1, i)
				case opSave:
					old := caps[in.arg]
					caps[in.arg] = i
					e, c, ok := try(in.out, i)
					caps[in.arg] = old
					return e, c, ok
				}
				return 0, nil, false
			}
			end, c, ok := try(p.start, s)
			if !ok {
				continue
			}
			found = true
			x := Match{Start: s, End: end}
			for k, name := range p.names {
				if c[2*k] >= 0 && c[2*k+1] >= 0 {
					if x.Captures == nil {
						x.Captures = map[string]Span{}
					}
					x.Captures[name] = Span{c[2*k], c[2*k+1]}
				}
			}
			out = append(out, x)
			pos = max(end, s+1)
		}
		if !found {
			break
		}
	}
	return out
}

// FuzzParse checks that Compile never panics, that its errors are
// *PatternError inside the pattern, and that a compiled pattern runs on a
// small sentence. Run: go test ./rules -run '^$' -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`(?<who><PERSON>) "," [lemma=chief|head] "of" (?<org><ORG>)`,
		`[pos=/^NN/ & !ent=PERSON]+? $`,
		`^ ([lemma=say | lemma=tell] | "according" "to"){1,3} @CUE`,
		`[lower!="a|b"] [mention=start] [(pos=NN | pos=NNS) & gaz=title]`,
		`(((("a")*)*)+)`, `"a"{2,}?`, `[]`, `[`, `(?<`, `"`, `[pos=/`,
	} {
		f.Add(s)
	}
	defs := map[string]string{"CUE": `[lemma=say]`, "SELF": `@SELF`}
	toks := sent(`Masood|pos=NNP|ent=PERSON Azhar|pos=NNP|ent=PERSON said|lemma=say a|pos=DT`)
	f.Fuzz(func(t *testing.T, pattern string) {
		m, err := Compile(pattern, defs)
		if err != nil {
			var pe *PatternError
			if ok := asPatternError(err, &pe); !ok {
				t.Fatalf("Compile(%q): error %v is not a *PatternError", pattern, err)
			}
			if pe.Offset < 0 || pe.Offset > len(pattern) {
				t.Fatalf("Compile(%q): offset %d outside pattern", pattern, pe.Offset)
			}
			return
		}
		for _, x := range m.FindAll(toks) {
			if x.End <= x.Start {
				t.Fatalf("Compile(%q): empty match", pattern)
			}
		}
	})
}

func asPatternError(err error, pe **PatternError) bool {
	p, ok := err.(*PatternError)
	*pe = p
	return ok
}

// FuzzParseFile checks that the loader never panics and that every
// problem it reports is a *LoadError with the file name. Run:
//
//	go test ./rules -run '^$' -fuzz FuzzParseFile -fuzztime 60s
func FuzzParseFile(f *testing.F) {
	for _, dir := range []string{"testdata/good", "testdata/bad"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, name := range files {
			src, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		set, err := ParseFile("f.yaml", src)
		if err == nil {
			for _, r := range set.Rules {
				if r.matcher == nil || r.Name == "" {
					t.Fatalf("rule %q loaded without a compiled pattern", r.Name)
				}
			}
			return
		}
		var le *LoadError
		if !errors.As(err, &le) || le.File != "f.yaml" {
			t.Fatalf("error %v is not a *LoadError for f.yaml", err)
		}
	})
}
