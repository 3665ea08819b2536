package rules

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// sent builds a sentence from space-separated tokens written
// word|attr=value|…, with attrs pos, lemma, chunk, ent, gaz. ent=B-X starts
// a mention of type X and ent=I-X continues it; a bare ent=X starts a
// mention unless the previous token has the same type. lower is derived
// from word and lemma defaults to lower.
func sent(s string) []Token {
	var toks []Token
	for _, f := range strings.Fields(s) {
		parts := strings.Split(f, "|")
		t := Token{Word: parts[0], Lower: strings.ToLower(parts[0])}
		t.Lemma = t.Lower
		explicit := false
		for _, kv := range parts[1:] {
			k, v, _ := strings.Cut(kv, "=")
			switch k {
			case "pos":
				t.POS = v
			case "lemma":
				t.Lemma = v
			case "chunk":
				t.Chunk = v
			case "gaz":
				t.Gaz = v
			case "ent":
				switch {
				case strings.HasPrefix(v, "B-"):
					t.Entity, t.EntityStart, explicit = v[2:], true, true
				case strings.HasPrefix(v, "I-"):
					t.Entity, explicit = v[2:], true
				default:
					t.Entity = v
				}
			default:
				panic("sent: unknown attribute " + k)
			}
		}
		if t.Entity != "" && !explicit {
			t.EntityStart = len(toks) == 0 || toks[len(toks)-1].Entity != t.Entity
		}
		toks = append(toks, t)
	}
	return toks
}

// show writes matches as "s-e" or "s-e{name=s-e …}", space separated.
func show(ms []Match) string {
	var out []string
	for _, m := range ms {
		s := fmt.Sprintf("%d-%d", m.Start, m.End)
		if len(m.Captures) > 0 {
			var names []string
			for n := range m.Captures {
				names = append(names, n)
			}
			sort.Strings(names)
			var cs []string
			for _, n := range names {
				c := m.Captures[n]
				cs = append(cs, fmt.Sprintf("%s=%d-%d", n, c.Start, c.End))
			}
			s += "{" + strings.Join(cs, " ") + "}"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// abc is a sentence of one-letter words, for semantics tests.
func abc(s string) []Token {
	var toks []Token
	for _, w := range strings.Fields(s) {
		toks = append(toks, Token{Word: w, Lower: strings.ToLower(w), Lemma: strings.ToLower(w)})
	}
	return toks
}

func TestMatchSemantics(t *testing.T) {
	azhar := sent(`Masood|pos=NNP|ent=PERSON Azhar|pos=NNP|ent=PERSON ,|pos=, the|pos=DT chief|pos=NN|gaz=title of|pos=IN Jaish-e-Mohammed|pos=NNP|ent=ORG ,|pos=, said|pos=VBD|lemma=say on|pos=IN Sunday|pos=NNP .|pos=.`)
	adjacent := sent(`Imran|ent=B-PERSON Khan|ent=I-PERSON Nawaz|ent=B-PERSON Sharif|ent=I-PERSON met|lemma=meet Modi|ent=B-PERSON`)
	defs := map[string]string{
		"CUE":    `[lemma=say|tell|add|state]`,
		"PERSON": `<PERSON>`,
		"CHIEF":  `[lemma=chief|head|leader]`,
		"TITLED": `[gaz=title] "of"`,
		"EITHER": `"a" | "b"`,
	}
	tests := []struct {
		name    string
		pattern string
		toks    []Token
		want    string
	}{
		{"bare word", `"a"`, abc("a b A a"), "0-1 2-3 3-4"},
		{"bare words sequence", `"a b"`, abc("a b a a b"), "0-2 3-5"},
		{"greedy star", `"a" []* "b"`, abc("a b c b d"), "0-4"},
		{"lazy star", `"a" []*? "b"`, abc("a b c b d"), "0-2"},
		{"greedy plus", `"a"+`, abc("a a a b a"), "0-3 4-5"},
		{"lazy plus", `"a"+?`, abc("a a a"), "0-1 1-2 2-3"},
		{"greedy optional", `"a" "b"?`, abc("a b a c"), "0-2 2-3"},
		{"lazy optional", `"a" "b"??`, abc("a b a c"), "0-1 2-3"},
		{"lazy optional forced by continuation", `"a" "b"?? "c"`, abc("a b c"), "0-3"},
		{"counted exact", `"a"{2}`, abc("a a a a a"), "0-2 2-4"},
		{"counted range greedy", `"a"{1,3}`, abc("a a a a a"), "0-3 3-5"},
		{"counted range lazy", `"a"{2,3}?`, abc("a a a a a"), "0-2 2-4"},
		{"counted open", `"a"{2,}`, abc("a a b a a a"), "0-2 3-6"},
		{"alternation first wins", `"a" | "a" "b"`, abc("a b"), "0-1"},
		{"alternation second when first fails", `"a" "c" | "a" "b"`, abc("a b"), "0-2"},
		{"alternation leftmost beats priority", `"b" | "a"`, abc("a b"), "0-1 1-2"},
		{"alternation in group", `("x" | "x" "y") "y"`, abc("x y y"), "0-2"},
		{"leftmost start wins over longer later", `"a" "b" | "b" "c" "d"`, abc("x a b c d"), "1-3"},
		{"non-overlapping", `"a" "a"`, abc("a a a a a"), "0-2 2-4"},
		{"captures", `(?<x>"a") (?<y>"b"+)`, abc("a b b c"), "0-3{x=0-1 y=1-3}"},
		{"capture of repeated group keeps last iteration", `((?<x>[]) ",")+ "end"`, abc("a , b , c , end"), "0-7{x=4-5}"},
		{"capture in unmatched alternative is absent", `(?<x>"a") | (?<y>"b")`, abc("b"), "0-1{y=0-1}"},
		{"same capture name in two alternatives", `(?<who>"a") "x" | "y" (?<who>"b")`, abc("y b"), "0-2{who=1-2}"},
		{"repeated group capture not reset by later iteration", `((?<x>"a") | "b")+`, abc("a b"), "0-2{x=0-1}"},
		{"begin anchor", `^ "a"`, abc("a a"), "0-1"},
		{"begin anchor no match", `^ "b"`, abc("a b"), ""},
		{"end anchor", `"a" $`, abc("a a"), "1-2"},
		{"both anchors", `^ []+ $`, abc("a b c"), "0-3"},
		{"anchor inside alternation", `(^ | "x") "a"`, abc("a x a a"), "0-1 1-3"},
		{"regexp prefix", `[pos=/^NN/]+`, azhar, "0-2 4-5 6-7 10-11"},
		{"regexp unanchored", `[word=/d$/]`, azhar, "0-1 6-7 8-9"},
		{"regexp case flag", `[word=/^JAISH/i]`, azhar, "6-7"},
		{"value alternatives", `[ent=PERSON|ORG]+`, azhar, "0-2 6-7"},
		{"entity case-insensitive", `[ent=person]+`, azhar, "0-2"},
		{"not equal", `[lower!=,] [lower=,]`, azhar, "1-3 6-8"},
		{"negation", `[!ent=PERSON & pos=NNP]`, azhar, "6-7 10-11"},
		{"negated group", `[!(pos=IN | pos=DT | pos=/^[,.]$/)]+`, azhar, "0-2 4-5 6-7 8-9 10-11"},
		{"conjunction", `[pos=NNP & ent=ORG]`, azhar, "6-7"},
		{"disjunction of tests", `[lemma=say | gaz=title]`, azhar, "4-5 8-9"},
		{"any token", `[] "of" []`, azhar, "4-7"},
		{"chunk and tag alias", `[tag=DT & chunk=""]`, azhar, "3-4"},
		{"quoted value", `[word="Jaish-e-Mohammed"]`, azhar, "6-7"},
		{"macro", `(?<who>@PERSON) "," "the"? @CHIEF "of" (?<org><ORG>) "," @CUE`, azhar, "0-9{org=6-7 who=0-2}"},
		{"macro inside brackets", `[@CUE & pos=VBD]`, azhar, "8-9"},
		{"macro using macro", `@TITLED <ORG>`, azhar, "4-7"},
		{"macro is one element", `"c" @EITHER`, abc("c b c a"), "0-2 2-4"},
		{"quantified macro", `"c" @EITHER? "d"`, abc("c d c a d c b b d"), "0-2 2-5"},
		{"mention whole", `(?<p><PERSON>)`, adjacent, "0-2{p=0-2} 2-4{p=2-4} 5-6{p=5-6}"},
		{"mention any type", `<>`, azhar, "0-2 6-7"},
		{"mention two types", `<ORG|PERSON> []`, azhar, "0-3 6-8"},
		{"entity plus crosses mention boundary", `[ent=PERSON]+`, adjacent, "0-4 5-6"},
		{"mention attribute stops at boundary", `[ent=PERSON & mention=start] [ent=PERSON & mention=inside]*`, adjacent, "0-2 2-4 5-6"},
		{"mention none", `[mention=none]`, adjacent, "4-5"},
		{"mention needs whole: partial fails", `<PERSON> "met"`, adjacent, "2-5"},
		{"comments and newlines", "\"a\"   # the a\n  \"b\"", abc("a b"), "0-2"},
		{"no match", `"z"`, abc("a b"), ""},
		{"empty sentence", `"a"`, nil, ""},
		{"nested quantifiers", `(("a" "b"?)+ "c")+`, abc("a a b c a c x"), "0-6"},
		{"greedy group before lazy tail", `(?<h>[]+) (?<t>[]+?) $`, abc("a b c"), "0-3{h=0-2 t=2-3}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Compile(tt.pattern, defs)
			if err != nil {
				t.Fatalf("Compile(%q): %v", tt.pattern, err)
			}
			got := show(m.FindAll(tt.toks))
			if got != tt.want {
				t.Errorf("FindAll(%q) = %q, want %q", tt.pattern, got, tt.want)
			}
		})
	}
}

// TestMacroBlowup checks that macros doubling at every level stop at the
// program size limit instead of expanding 2^40 times.
func TestMacroBlowup(t *testing.T) {
	defs := map[string]string{"A0": `"a"`}
	for i := 1; i <= 40; i++ {
		defs[fmt.Sprintf("A%d", i)] = fmt.Sprintf("@A%d @A%d", i-1, i-1)
	}
	_, err := Compile(`@A40`, defs)
	if err == nil || !strings.Contains(err.Error(), "pattern too large") {
		t.Fatalf("Compile(@A40) = %v, want pattern too large", err)
	}
}

func TestPatternErrors(t *testing.T) {
	defs := map[string]string{
		"CUE":  `[lemma=say]`,
		"SEQ":  `"a" "b"`,
		"LOOP": `"a" @LOOP`,
		"BAD":  `[lema=x]`,
	}
	tests := []struct {
		pattern string
		want    string
	}{
		{``, "col 1: empty pattern"},
		{`   `, "col 4: empty pattern"},
		{`[lemma=say`, "col 1: unclosed token test: missing ']'"},
		{`[lemma=say] ]`, "col 13: unbalanced ']'"},
		{`("a"`, "col 1: unclosed group: missing ')'"},
		{`"a")`, "col 4: unbalanced ')'"},
		{`()`, "col 2: empty group"},
		{`"a" | | "b"`, "col 7: empty alternative (use ? to make something optional)"},
		{`"a" |`, "col 6: empty alternative (use ? to make something optional)"},
		{`*"a"`, `col 1: nothing to repeat before '*'`},
		{`"a"**`, `col 5: quantifier '*' after quantifier (put the group in ( ) first)`},
		{`^*`, "col 2: nothing to repeat: ^ is an anchor"},
		{`[lema=say]`, `col 2: unknown attribute "lema" (known: word, lower, lemma, pos (tag), chunk, ent (entity), gaz, mention)`},
		{`[lemma say]`, "col 8: expected = or != after lemma"},
		{`[lemma=]`, `col 8: missing value (quote values with special characters: "a|b")`},
		{`[pos=/[/]`, "col 6: bad regexp /[/: missing closing ]: ["},
		{`[pos=/NN]`, "col 6: unterminated regexp (missing closing /)"},
		{`[mention=middle]`, "col 10: mention=middle: want start, inside or none"},
		{`[mention=/s/]`, "col 10: mention takes start, inside or none, not a regexp"},
		{`[lemma=say pos=VB]`, `col 12: unexpected 'p' in token test (want & | or ])`},
		{`[lemma=say &]`, "col 13: expected an attribute name (word, lower, lemma, pos (tag), chunk, ent (entity), gaz, mention)"},
		{`""`, "col 1: empty quoted word"},
		{`"abc`, "col 1: unterminated quoted word"},
		{`"a"{3,2}`, "col 4: bad repeat count {3,2}: maximum below minimum"},
		{`"a"{x}`, "col 4: bad repeat count {x}: want {m}, {m,} or {m,n}"},
		{`"a"{2`, "col 4: missing '}' in repeat count"},
		{`"a"{0}`, "col 4: repeat count {0} matches nothing"},
		{`"a"{1,1000}`, "col 4: repeat count {1,1000} above 100"},
		{`(?<1x>"a")`, "col 4: bad capture name: want (?<name> …) with a name of letters, digits and _"},
		{`(?="a")`, "col 2: unknown group syntax: want ( … ), (?: … ) or (?<name> … )"},
		{`<PER SON>`, `col 2: bad mention type "PER SON" in <PER SON>: want <TYPE> or <TYPE1|TYPE2>`},
		{`<PERSON`, "col 1: missing '>' after mention type"},
		{`@NOPE`, "col 1: unknown macro @NOPE (defined: @BAD, @CUE, @LOOP, @SEQ)"},
		{`@`, "col 1: missing macro name after @"},
		{`@LOOP`, "col 1: in macro @LOOP: col 5: macro @LOOP refers to itself"},
		{`@BAD`, `col 1: in macro @BAD: col 2: unknown attribute "lema" (known: word, lower, lemma, pos (tag), chunk, ent (entity), gaz, mention)`},
		{`[@SEQ]`, "col 2: @SEQ is not a single token test, so it cannot be used inside [ ]"},
		{`"a" %`, `col 5: unexpected '%': a token is written [attr=value], "word" or <TYPE>`},
		{`"a"?`, "pattern can match zero tokens; every match must cover at least one token"},
		{`([]|[])*`, "pattern can match zero tokens; every match must cover at least one token"},
		{`^`, "pattern can match zero tokens; every match must cover at least one token"},
		{`(((("a"{100}){100}){100}){100})`, "pattern too large: more than 20000 instructions after expanding repeats and macros"},
		{strings.Repeat("(", 101) + `"a"` + strings.Repeat(")", 101), "col 101: nesting deeper than 100 levels"},
		{`"é" [ä=x]`, `col 6: expected an attribute name (word, lower, lemma, pos (tag), chunk, ent (entity), gaz, mention)`},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			_, err := Compile(tt.pattern, defs)
			if err == nil {
				t.Fatalf("Compile(%q) succeeded, want error %q", tt.pattern, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Compile(%q) error\n got %q\nwant %q", tt.pattern, err.Error(), tt.want)
			}
		})
	}
}

// TestConcurrentFindAll runs one rule set from several goroutines; with
// -race it checks that compiled rules share no mutable state.
func TestConcurrentFindAll(t *testing.T) {
	set, err := ParseFile("bench.yaml", []byte(benchRuleFile(20)))
	if err != nil {
		t.Fatal(err)
	}
	sents := benchSentences(200, 25)
	want := make([]string, len(sents))
	for i, s := range sents {
		want[i] = show(set.FindAll(s))
	}
	done := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for i, s := range sents {
				if got := show(set.FindAll(s)); got != want[i] {
					done <- fmt.Sprintf("sentence %d: %s, want %s", i, got, want[i])
					return
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
