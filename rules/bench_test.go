package rules

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchWords is a small annotated vocabulary for generated news sentences.
var benchWords = []Token{
	{Word: "the", POS: "DT"}, {Word: "a", POS: "DT"}, {Word: "of", POS: "IN"}, {Word: "in", POS: "IN"},
	{Word: "on", POS: "IN"}, {Word: ",", POS: ","}, {Word: "and", POS: "CC"}, {Word: "that", POS: "IN"},
	{Word: "said", POS: "VBD", Lemma: "say"}, {Word: "told", POS: "VBD", Lemma: "tell"}, {Word: "attacked", POS: "VBD", Lemma: "attack"},
	{Word: "met", POS: "VBD", Lemma: "meet"}, {Word: "killed", POS: "VBN", Lemma: "kill"}, {Word: "reportedly", POS: "RB"},
	{Word: "chief", POS: "NN", Gaz: "title"}, {Word: "minister", POS: "NN", Gaz: "title"}, {Word: "convoy", POS: "NN"},
	{Word: "police", POS: "NNS"}, {Word: "attack", POS: "NN"}, {Word: "border", POS: "NN"}, {Word: "talks", POS: "NNS", Lemma: "talk"},
	{Word: "Sunday", POS: "NNP"}, {Word: "security", POS: "NN"}, {Word: "forces", POS: "NNS", Lemma: "force"}, {Word: "was", POS: "VBD", Lemma: "be"},
}

// benchMentions are multi-token mentions mixed into generated sentences.
var benchMentions = []struct {
	words []string
	typ   string
}{
	{[]string{"Masood", "Azhar"}, "PERSON"}, {[]string{"Ajit", "Doval"}, "PERSON"}, {[]string{"Modi"}, "PERSON"},
	{[]string{"Jaish-e-Mohammed"}, "ORG"}, {[]string{"Lashkar-e-Taiba"}, "ORG"}, {[]string{"Reuters"}, "ORG"},
	{[]string{"Pulwama"}, "GPE"}, {[]string{"New", "Delhi"}, "GPE"}, {[]string{"Pakistani"}, "NORP"},
}

// benchSentences generates n sentences of about size tokens.
func benchSentences(n, size int) [][]Token {
	rng := rand.New(rand.NewPCG(7, 11))
	out := make([][]Token, n)
	for i := range out {
		var s []Token
		for len(s) < size {
			if rng.IntN(4) == 0 {
				m := benchMentions[rng.IntN(len(benchMentions))]
				for j, w := range m.words {
					s = append(s, Token{Word: w, Lower: strings.ToLower(w), Lemma: strings.ToLower(w), POS: "NNP", Entity: m.typ, EntityStart: j == 0, Chunk: "I-NP"})
				}
				continue
			}
			t := benchWords[rng.IntN(len(benchWords))]
			t.Lower = strings.ToLower(t.Word)
			if t.Lemma == "" {
				t.Lemma = t.Lower
			}
			t.Chunk = "O"
			s = append(s, t)
		}
		out[i] = s[:size]
	}
	return out
}

// benchRuleFile builds a rule file of n rules in the shapes real relation,
// event and quote rules take.
func benchRuleFile(n int) string {
	shapes := []string{
		`(?<a> <PERSON> ) "," "the"? [gaz=title] "of" (?<b> <ORG|GPE> )`,
		`(?<b> <ORG> ) [lemma=%s|head|leader] (?<a> <PERSON> )`,
		`(?<a> <PERSON> ) (?<cue> @CUE ) "that"? (?<b> []+? ) ("." | $)`,
		`(?<a> <ORG> ) [lemma=attack|%s & pos=/^VB/] [pos=DT]? (?<b> [pos=/^NN/]+ )`,
		`(?<a> [lemma=attack|blast|%s & pos=/^NN/] ) "in" (?<b> <GPE|LOC> )`,
		`(?<a> <PERSON> ) [lemma=meet|%s] (?<b> <PERSON> ) ([lower=in] <GPE>)?`,
		`(?<a> [lower=reportedly|allegedly|%s] ) []{0,3} (?<b> [pos=/^VB/] )`,
		`(?<a> <NORP> ) [pos=/^NNS?$/]* (?<b> [lemma=force|police|%s] )`,
		`(?<a> <PERSON> ) [lemma=tell] (?<b> <ORG> )`,
		`^ (?<a> [pos=/^NNP/]+ ) [!pos=/^VB/]* (?<b> [lemma=kill|%s] )`,
	}
	extra := []string{"commander", "bomb", "strike", "visit", "purportedly", "army", "founder", "shoot", "raid", "host"}
	var b strings.Builder
	b.WriteString("define:\n  CUE: '[lemma=say|tell|add|state & pos=/^VB/]'\nrules:\n")
	for i := 0; i < n; i++ {
		p := shapes[i%len(shapes)]
		if strings.Contains(p, "%s") {
			p = fmt.Sprintf(p, extra[i%len(extra)])
		}
		fmt.Fprintf(&b, "  - name: r%d\n    priority: %d\n    pattern: '%s'\n    emit: {kind: relation, type: t%d, args: {subject: a, object: b}}\n", i, i%5, p, i)
	}
	return b.String()
}

// BenchmarkFindAll runs 50 rules over 10,000 sentences of 25 tokens and
// reports tokens per second.
func BenchmarkFindAll(b *testing.B) {
	set, err := ParseFile("bench.yaml", []byte(benchRuleFile(50)))
	if err != nil {
		b.Fatal(err)
	}
	sents := benchSentences(10000, 25)
	b.ReportAllocs()
	b.ResetTimer()
	matches := 0
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			matches += len(set.FindAll(s))
		}
	}
	b.StopTimer()
	tokens := float64(b.N) * 10000 * 25
	b.ReportMetric(tokens/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(matches)/float64(b.N)/10000, "matches/sentence")
}

// BenchmarkCompile measures loading the 50-rule file.
func BenchmarkCompile(b *testing.B) {
	src := []byte(benchRuleFile(50))
	for i := 0; i < b.N; i++ {
		if _, err := ParseFile("bench.yaml", src); err != nil {
			b.Fatal(err)
		}
	}
}
