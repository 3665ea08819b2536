package rules

import (
	"strings"
	"testing"
)

// repeatSent builds n tokens by cycling through words.
func repeatSent(n int, words ...string) []Token {
	toks := make([]Token, n)
	for i := range toks {
		w := words[i%len(words)]
		toks[i] = Token{Word: w, Lower: w, Lemma: w}
	}
	return toks
}

// TestLinearSteps runs adversarial patterns over long inputs and checks
// that the VM's step count is at most stepsPerCell · (n+1) · len(program)
// and that doubling the input at most doubles the steps (plus a little).
// The patterns are the classic ones that make backtracking engines
// exponential, and [a] ([]* [b])? that makes RE2-style FindAll quadratic.
func TestLinearSteps(t *testing.T) {
	const stepsPerCell = 4
	tests := []struct {
		pattern string
		words   []string
	}{
		{`([]*)*[lower=x]`, []string{"a"}},
		{`([]*)*[lower=x]`, []string{"a", "a", "a", "x"}},
		{`([]|[])*[lower=x]`, []string{"a"}},
		{`([]|[])+`, []string{"a"}},
		{`(([]*)*[])+`, []string{"a", "b"}},
		{`([]+?)+ $`, []string{"a"}},
		{`"a" ([]* "b")?`, []string{"a"}},
		{`"a" ([]*? "b")??`, []string{"a"}},
		{`("a" | "a" "a")* "b"`, []string{"a"}},
		{`(?<x>[]*) "a" (?<y>[]*?) "b" (?<z>[]*) $`, []string{"a", "c", "c"}},
		{`([lower!=x]{1,5}){1,20} "x"`, []string{"a", "b"}},
		{`[]{1,100}`, []string{"a"}},
	}
	for _, tt := range tests {
		name := tt.pattern + " over " + strings.Join(tt.words, ",")
		t.Run(name, func(t *testing.T) {
			m, err := Compile(tt.pattern, nil)
			if err != nil {
				t.Fatal(err)
			}
			size := len(m.prog.insts)
			// A leading "x a b" gets every pattern past the prefilter, so
			// the VM itself runs over the whole input.
			input := func(n int) []Token { return append(abc("x a b"), repeatSent(n-3, tt.words...)...) }
			const n = 10000
			_, s1 := m.findAll(input(n), nil)
			_, s2 := m.findAll(input(2*n), nil)
			if s1 < n {
				t.Fatalf("only %d steps for %d tokens: the VM did not run", s1, n)
			}
			if bound := stepsPerCell * (n + 1) * size; s1 > bound {
				t.Errorf("n=%d: %d steps, above %d·(n+1)·%d = %d", n, s1, stepsPerCell, size, bound)
			}
			if s2 > 2*s1+4*size {
				t.Errorf("steps grow faster than the input: n=%d: %d, 2n: %d", n, s1, s2)
			}
			t.Logf("program %d instructions: n=%d %d steps (%.1f per token·instruction), 2n %d steps", size, n, s1, float64(s1)/float64(n*size), s2)
		})
	}
}

// TestLivenessPrunesRestarts shows the difference the liveness pass makes:
// "a" ([]* "b")? over a b-less sentence of n a's finds n one-token matches,
// and each search stops right after its token instead of scanning to the end.
func TestLivenessPrunesRestarts(t *testing.T) {
	m, err := Compile(`"a" ([]* "b")?`, nil)
	if err != nil {
		t.Fatal(err)
	}
	toks := repeatSent(5000, "a")
	ms, steps := m.findAll(toks, nil)
	if len(ms) != 5000 || ms[4999].Start != 4999 || ms[4999].End != 5000 {
		t.Fatalf("got %d matches, last %+v", len(ms), ms[len(ms)-1])
	}
	// A quadratic FindAll would take about n²/2 = 12.5 million steps.
	if limit := 4 * 5001 * len(m.prog.insts); steps > limit {
		t.Errorf("%d steps, want at most %d", steps, limit)
	}
}
