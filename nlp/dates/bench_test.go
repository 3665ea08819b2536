package dates

import (
	"math/rand"
	"strings"
	"testing"
)

// newsText generates about n bytes of news-like text with a date
// expression in most sentences. It is deterministic.
func newsText(n int) string {
	rng := rand.New(rand.NewSource(1))
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	who := []string{"Mr. Khan", "Gen. Asim Munir", "Lt. Col. R. K. Sharma", "Theresa May", "Jaish-e-Mohammed", "the U.S. State Department"}
	when := []string{"on Tuesday", "last week", "on 2026-04-21", "on 21/04/2026", "in February", "on April 22",
		"two days ago", "in the 1990s", "between 2019 and 2021", "on 7 October 2024", "last year", "at 10:30", "mid-2024"}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString("NEW DELHI, April 22 (FNA) — ")
		for s := 0; s < 6; s++ {
			switch rng.Intn(3) {
			case 0:
				b.WriteString(pick(who) + " said " + pick(when) + " that 1,200 fighters had moved. ")
			case 1:
				b.WriteString("“We will act,” " + pick(who) + " will tell reporters " + pick(when) + ". ")
			default:
				b.WriteString("Some 25,000 troops may march near Kupwara, officials said " + pick(when) + ". ")
			}
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

var benchText = newsText(1 << 20)

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	var n int
	for b.Loop() {
		n = len(Find(benchText, ref))
	}
	b.ReportMetric(float64(n), "dates")
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"on Tuesday", "between April 20 and 22", "4 FEB 90", "'90s", "from March to May 2024", "Sun., Jan. 5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, v := range Find(s, ref) {
			if v.Start < prev || v.End <= v.Start || v.End > len(s) || s[v.Start:v.End] != v.Text || v.Value == "" {
				t.Fatalf("bad value %+v after %d", v, prev)
			}
			prev = v.End
		}
		Resolve(s, ref, Future)
	})
}
