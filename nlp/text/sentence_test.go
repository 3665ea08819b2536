package text

import (
	"reflect"
	"testing"

	"github.com/dossier-osint/dossier"
)

// split returns the text of each sentence of in, with a leading "!" on
// boilerplate sentences.
func split(in string) []string {
	toks := Tokenize(in)
	var out []string
	for _, s := range Sentences(in, toks) {
		txt := in[s.Start:s.End]
		if s.Boilerplate {
			txt = "!" + txt
		}
		out = append(out, txt)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "The army moved in. Four soldiers died.",
			[]string{"The army moved in.", "Four soldiers died."}},
		{"titles", "Mr. Khan met Gen. Asim Munir and Lt. Col. Ahmed. Dr. Rao was absent.",
			[]string{"Mr. Khan met Gen. Asim Munir and Lt. Col. Ahmed.", "Dr. Rao was absent."}},
		{"more titles", "Sgt. Lee, Capt. Roy, Gov. Das, Sen. Kerr, Rep. Ortiz, Prof. Iqbal and Maj. Singh met St. Paul's Jr. staff.",
			[]string{"Sgt. Lee, Capt. Roy, Gov. Das, Sen. Kerr, Rep. Ortiz, Prof. Iqbal and Maj. Singh met St. Paul's Jr. staff."}},
		{"retd. in brackets", "Lt. Gen. (retd.) Ahmed Khan spoke. It ended.",
			[]string{"Lt. Gen. (retd.) Ahmed Khan spoke.", "It ended."}},
		{"U.S. inside", "The U.S. Army and the U.N. Security Council met.",
			[]string{"The U.S. Army and the U.N. Security Council met."}},
		{"U.S. at end", "The envoy flew back to the U.S. The talks ended on Friday.",
			[]string{"The envoy flew back to the U.S.", "The talks ended on Friday."}},
		{"U.S. at end of text", "He flew to the U.S.",
			[]string{"He flew to the U.S."}},
		{"U.S. before pronoun", "The money came from the U.S. He denied it.",
			[]string{"The money came from the U.S.", "He denied it."}},
		{"initials", "J. K. Rowling and A. Q. Khan were named. I.S.I. officials declined.",
			[]string{"J. K. Rowling and A. Q. Khan were named.", "I.S.I. officials declined."}},
		{"closing quote", `He said, "We will act." Then he left.`,
			[]string{`He said, "We will act."`, "Then he left."}},
		{"curly closing quote", "He said, “We will act.” Then he left.",
			[]string{"He said, “We will act.”", "Then he left."}},
		{"quote spanning sentences", "“We will act. We will not wait,” he said. Nobody replied.",
			[]string{"“We will act.", "We will not wait,” he said.", "Nobody replied."}},
		{"question in quote", `"Who did this?" he asked. "We know."`,
			[]string{`"Who did this?" he asked.`, `"We know."`}},
		{"question exclamation", "Who benefits? Nobody! Really?! Yes.",
			[]string{"Who benefits?", "Nobody!", "Really?!", "Yes."}},
		{"ellipsis mid-sentence", "The talks ... stalled again… and resumed. Then they ended.",
			[]string{"The talks ... stalled again… and resumed.", "Then they ended."}},
		{"ellipsis at end", "They waited... Nothing came.",
			[]string{"They waited...", "Nothing came."}},
		{"bracket close", "He left (for good.) Then she came.",
			[]string{"He left (for good.)", "Then she came."}},
		{"numbers and times", "At 10:30 a.m. on 21/04/2026 some 1,200 people (3.5 per cent) left. It rained.",
			[]string{"At 10:30 a.m. on 21/04/2026 some 1,200 people (3.5 per cent) left.", "It rained."}},
		{"a.m. at end", "The blast came at 10 a.m. The police arrived later.",
			[]string{"The blast came at 10 a.m.", "The police arrived later."}},
		{"No. before number", "He lives at No. 5 Park Road. It is quiet.",
			[]string{"He lives at No. 5 Park Road.", "It is quiet."}},
		{"stray line break", "The attack killed four\nsoldiers near the border. It was the second.",
			[]string{"The attack killed four\nsoldiers near the border.", "It was the second."}},
		{"headline and blank line", "Four soldiers killed in Kupwara\n\nNEW DELHI, April 22 (FNA) — Four soldiers were killed on Tuesday.",
			[]string{"Four soldiers killed in Kupwara", "NEW DELHI, April 22 (FNA) — Four soldiers were killed on Tuesday."}},
		{"blank line without punctuation", "By Staff Reporter\n \nUpdated April 22\n\nThe army said",
			[]string{"By Staff Reporter", "Updated April 22", "The army said"}},
		{"bullets", "Key points:\n- Four soldiers died\n- The group claimed it\n\nMore follows.",
			[]string{"Key points:", "- Four soldiers died", "- The group claimed it", "More follows."}},
		{"also read", "The army moved in.\nAlso read: Pakistan's army chief visits China. Details here\nThe group denied it.",
			[]string{"The army moved in.", "!Also read: Pakistan's army chief visits China. Details here", "The group denied it."}},
		{"also read without preceding period", "The army moved in\nALSO READ: Another story\n\nNext paragraph.",
			[]string{"The army moved in", "!ALSO READ: Another story", "Next paragraph."}},
		{"also read mid-line is not boilerplate", "He said we should also read: the report.",
			[]string{"He said we should also read: the report."}},
		{"all caps", "TROOPS ENTERED THE U.S. THE TALKS FAILED.",
			[]string{"TROOPS ENTERED THE U.S.", "THE TALKS FAILED."}},
		{"lower-case after period", "The approx. figure was wrong.",
			[]string{"The approx. figure was wrong."}},
		{"Inc. at end", "He worked for Acme Inc. The firm denied it.",
			[]string{"He worked for Acme Inc.", "The firm denied it."}},
		{"trailing space and no final punctuation", "  It went on  ",
			[]string{"It went on"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := split(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesCoverTokens(t *testing.T) {
	in := "Headline\n\nNEW DELHI, April 22 (FNA) — Mr. Khan left. “Why?” he asked.\nAlso read: x\n- a\n- b"
	toks := Tokenize(in)
	checkSentences(t, in, toks, Sentences(in, toks))
}

// checkSentences checks that sentences tile the tokens in order, with spans
// matching their tokens.
func checkSentences(t testing.TB, text string, toks []Token, sents []Sentence) {
	t.Helper()
	next := 0
	for i, s := range sents {
		if s.First != next || s.Last <= s.First || s.Last > len(toks) {
			t.Fatalf("sentence %d: tokens [%d,%d), want to start at %d of %d", i, s.First, s.Last, next, len(toks))
		}
		if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
			t.Fatalf("sentence %d: span [%d,%d) does not match its tokens", i, s.Start, s.End)
		}
		next = s.Last
	}
	if next != len(toks) {
		t.Fatalf("sentences end at token %d of %d", next, len(toks))
	}
}

func TestParagraphs(t *testing.T) {
	in := "\n  Headline here  \n\nFirst line\nsecond line.\n \t\nLast\r\n"
	got := Paragraphs(in)
	want := []string{"Headline here", "First line\nsecond line.", "Last"}
	if len(got) != len(want) {
		t.Fatalf("Paragraphs = %v, want %q", got, want)
	}
	for i, sp := range got {
		if !sp.Valid(len(in)) || in[sp.Start:sp.End] != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, in[sp.Start:sp.End], want[i])
		}
	}
	if got := Paragraphs(" \n\n "); got != nil {
		t.Errorf("Paragraphs(blank) = %v, want none", got)
	}
	var _ []dossier.Span = got
}
