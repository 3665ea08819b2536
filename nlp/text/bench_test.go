package text

import (
	"math/rand"
	"strings"
	"testing"
)

// newsText generates about n bytes of news-like English: datelines, quotes,
// titles, acronyms, numbers, dates, hyphenated names and scraped-page noise,
// in paragraphs. It is deterministic.
func newsText(n int) string {
	rng := rand.New(rand.NewSource(1))
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	people := []string{"Mr. Khan", "Gen. Asim Munir", "Lt. Col. R. K. Sharma", "Dr. Ayesha Siddiqa", "Masood Azhar", "Farouk al-Qaddoumi", "J. K. Rao"}
	groups := []string{"Jaish-e-Mohammed", "Hizb-ul-Mujahideen", "the U.N. Security Council", "Pakistan's I.S.I.", "the U.S. State Department", "Lashkar-e-Taiba"}
	places := []string{"Kupwara", "NEW DELHI", "Islamabad", "Washington, D.C.", "Rawalakot", "Pahalgam"}
	verbs := []string{"said", "told reporters", "claimed", "denied", "confirmed", "didn't say"}
	times := []string{"on Tuesday", "last week", "on 2026-04-21", "on 21/04/2026", "at 10:30 a.m.", "in February", "on April 22"}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(strings.ToUpper(pick(places)) + ", April 22 (FNA) — ")
		for s := 0; s < 5; s++ {
			switch rng.Intn(5) {
			case 0:
				b.WriteString("“We will act against " + pick(groups) + ",” " + pick(people) + " " + pick(verbs) + " " + pick(times) + ". ")
			case 1:
				b.WriteString(pick(people) + " " + pick(verbs) + " that " + pick(groups) + " had moved 1,200 fighters and $3.5 million (25%) to " + pick(places) + " " + pick(times) + ". ")
			case 2:
				b.WriteString("Some 25,000 troops… were deployed near " + pick(places) + ", the 21st such move since the 1990s; officials' estimates vary. ")
			case 3:
				b.WriteString("Why did " + pick(groups) + " wait? Nobody knows, " + pick(people) + " wrote at https://example.org/news?id=" + pick([]string{"1", "22", "333"}) + " and press@example.org. ")
			default:
				b.WriteString("The attack in " + pick(places) + " killed four\nsoldiers " + pick(times) + ", the army said. ")
			}
		}
		b.WriteString("\n\n")
		if rng.Intn(4) == 0 {
			b.WriteString("Also read: " + pick(groups) + " chief visits " + pick(places) + "\n\n")
		}
	}
	return b.String()
}

var benchText = newsText(1 << 20)

func BenchmarkTokenize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	var n int
	for b.Loop() {
		n = len(Tokenize(benchText))
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSentences(b *testing.B) {
	toks := Tokenize(benchText)
	b.SetBytes(int64(len(benchText)))
	var n int
	for b.Loop() {
		n = len(Sentences(benchText, toks))
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n), "sentences")
}
