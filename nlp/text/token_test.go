package text

import (
	"strings"
	"testing"
)

// texts returns the token texts, joined by "|" for compact tables.
func texts(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, "|")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"hyphenated transliterations", "Jaish-e-Mohammed and Hizb-ul-Mujahideen", "Jaish-e-Mohammed|and|Hizb-ul-Mujahideen"},
		{"al- prefix", "Farouk al-Qaddoumi spoke", "Farouk|al-Qaddoumi|spoke"},
		{"hyphenated word", "a well-known 26-year-old man", "a|well-known|26-year-old|man"},
		{"non-breaking hyphen", "Lashkar\u2011e\u2011Taiba", "Lashkar\u2011e\u2011Taiba"},
		{"possessive", "Pakistan's army", "Pakistan|'s|army"},
		{"curly possessive", "Pakistan’s army", "Pakistan|’s|army"},
		{"possessive after hyphen", "al-Qaida's chief", "al-Qaida|'s|chief"},
		{"plural possessive", "Jones' car", "Jones|'|car"},
		{"n't", "They didn't and couldn't", "They|did|n't|and|could|n't"},
		{"can't won't", "can't won't", "ca|n't|wo|n't"},
		{"curly n't", "didn’t", "did|n’t"},
		{"other clitics", "I'm sure they'll say we've it's", "I|'m|sure|they|'ll|say|we|'ve|it|'s"},
		{"all caps clitic", "PAKISTAN'S ARMY DIDN'T", "PAKISTAN|'S|ARMY|DID|N'T"},
		{"inner apostrophe stays", "O'Brien read the Qur'an in Sana'a", "O'Brien|read|the|Qur'an|in|Sana'a"},
		{"acronyms", "the U.S. and U.N. and I.S.I. chiefs", "the|U.S.|and|U.N.|and|I.S.I.|chiefs"},
		{"acronym at end", "He flew to the U.S.", "He|flew|to|the|U.S."},
		{"acronym hyphen", "a U.S.-led force", "a|U.S.-led|force"},
		{"lower-case acronyms", "at 10 a.m. e.g. this", "at|10|a.m.|e.g.|this"},
		{"initials", "J. K. Rowling wrote", "J.|K.|Rowling|wrote"},
		{"titles", "Mr. Dr. Gen. Lt. Col. Sgt. Capt. Gov. Sen. Rep. Jr. St. Prof. Maj.", "Mr.|Dr.|Gen.|Lt.|Col.|Sgt.|Capt.|Gov.|Sen.|Rep.|Jr.|St.|Prof.|Maj."},
		{"not an abbreviation", "He left town.", "He|left|town|."},
		{"No. before number", "Resolution No. 5 failed", "Resolution|No.|5|failed"},
		{"No. without number", "He said No. Then", "He|said|No|.|Then"},
		{"numbers", "1,200 people, 3.5 per cent, 25,000 troops, 1,000,000.50", "1,200|people|,|3.5|per|cent|,|25,000|troops|,|1,000,000.50"},
		{"number then comma", "in 2024, he said", "in|2024|,|he|said"},
		{"number then period", "It cost 35.", "It|cost|35|."},
		{"ordinals", "the 21st and 2nd and 3rd and 104th", "the|21st|and|2nd|and|3rd|and|104th"},
		{"iso date", "on 2026-04-21.", "on|2026-04-21|."},
		{"slash date", "on 21/04/2026, and 4/5/26", "on|21/04/2026|,|and|4/5/26"},
		{"time", "at 10:30 and 23:59:59", "at|10:30|and|23:59:59"},
		{"percent", "rose 25% or 3.5 %", "rose|25|%|or|3.5|%"},
		{"currency", "$5 and Rs. 500 and €20 and ₹1,200 and US$3", "$|5|and|Rs.|500|and|€|20|and|₹|1,200|and|US|$|3"},
		{"decade and range", "the 1990s and 2019-2021 and 20-22", "the|1990s|and|2019-2021|and|20-22"},
		{"mixed alnum", "4G F-16 COVID-19 G20 9mm", "4G|F-16|COVID-19|G20|9mm"},
		{"url", "See https://example.com/a/b?c=d&e=f.", "See|https://example.com/a/b?c=d&e=f|."},
		{"url in brackets", "(https://example.org/x_(y)) ok", "(|https://example.org/x_(y)|)|ok"},
		{"www url", "visit www.example.org, now", "visit|www.example.org|,|now"},
		{"bare domain", "said pib.gov.in and example.com/news/1.", "said|pib.gov.in|and|example.com/news/1|."},
		{"capitalised domain", "reported by Dawn.com. The", "reported|by|Dawn.com|.|The"},
		{"not a domain", "in Kabul.The end.In", "in|Kabul|.|The|end|.|In"},
		{"email", "write to press@example.org.", "write|to|press@example.org|."},
		{"hashtag handle", "#Pahalgam @PIB_India #", "#Pahalgam|@PIB_India|#"},
		{"curly quotes", "“We will act,” he said, ‘now’.", "“|We|will|act|,|”|he|said|,|‘|now|’|."},
		{"straight quotes", `He said, "We will act."`, `He|said|,|"|We|will|act|.|"`},
		{"dashes", "Delhi — on Tuesday – and--then", "Delhi|—|on|Tuesday|–|and|--|then"},
		{"ellipsis", "wait... and … then....", "wait|...|and|…|then|...."},
		{"brackets", "(FNA) [sic] {x}", "(|FNA|)|[|sic|]|{|x|}"},
		{"question exclamation", "What?! No!!", "What|?!|No|!!"},
		{"bullet dash", "- Bullet one\n-Two", "-|Bullet|one|-|Two"},
		{"ampersand acronym", "AT&T and S&P but rock & roll", "AT&T|and|S&P|but|rock|&|roll"},
		{"devanagari and arabic", "नई दिल्ली में جيش محمد", "नई|दिल्ली|में|جيش|محمد"},
		{"zero width space", "a\u200bb", "a|b"},
		{"invalid utf8", "a\xffb", "a|\xff|b"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			if got := texts(toks); got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
			checkOffsets(t, tt.in, toks)
		})
	}
}

func TestTokenKinds(t *testing.T) {
	tests := []struct {
		in   string
		want []Kind
	}{
		{"Mr. Khan's", []Kind{Word, Word, Word}},
		{"1,200 21st 2026-04-21 21/04/2026 10:30", []Kind{Number, Ordinal, Date, Date, Time}},
		{"$ 5 % .", []Kind{Symbol, Number, Symbol, Punct}},
		{"https://x.org a@b.com #tag @handle", []Kind{URL, Email, Hashtag, Handle}},
		{"“ ” — 2019-2021 1990s", []Kind{Punct, Punct, Punct, Number, Number}},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		if len(toks) != len(tt.want) {
			t.Errorf("Tokenize(%q) = %s, want %d tokens", tt.in, texts(toks), len(tt.want))
			continue
		}
		for i, tok := range toks {
			if tok.Kind != tt.want[i] {
				t.Errorf("Tokenize(%q)[%d] %q: kind %v, want %v", tt.in, i, tok.Text, tok.Kind, tt.want[i])
			}
		}
	}
}

func TestSpaceAfter(t *testing.T) {
	toks := Tokenize("Pakistan's army,\nthen ")
	want := []bool{false, true, false, true, true}
	if len(toks) != len(want) {
		t.Fatalf("got %s", texts(toks))
	}
	for i, tok := range toks {
		if tok.SpaceAfter != want[i] {
			t.Errorf("token %d %q: SpaceAfter %v, want %v", i, tok.Text, tok.SpaceAfter, want[i])
		}
	}
}

func TestIsAbbreviation(t *testing.T) {
	for tok, want := range map[string]bool{
		"Mr.": true, "Gen.": true, "U.S.": true, "I.S.I.": true, "J.": true, "etc.": true,
		"a.m.": true, "Inc.": true, "town.": false, "no.": false, "Mr": false, ".": false, "j.": false,
	} {
		if got := IsAbbreviation(tok); got != want {
			t.Errorf("IsAbbreviation(%q) = %v, want %v", tok, got, want)
		}
	}
}

// checkOffsets checks the tokeniser's invariants on text: every token is
// text[Start:End], tokens are in order and do not overlap, nothing but
// separators lies between them, and SpaceAfter matches the text.
func checkOffsets(t testing.TB, text string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %q: bad span [%d,%d) after %d (len %d)", i, tok.Text, tok.Start, tok.End, prev, len(text))
		}
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d: text[%d:%d] = %q, Text = %q", i, tok.Start, tok.End, text[tok.Start:tok.End], tok.Text)
		}
		if gap := text[prev:tok.Start]; strings.IndexFunc(gap, notSpace) >= 0 {
			t.Fatalf("token %d %q: non-space bytes lost before it: %q", i, tok.Text, gap)
		}
		if i > 0 && toks[i-1].SpaceAfter != (tok.Start > prev) {
			t.Fatalf("token %d %q: SpaceAfter = %v but gap is %q", i-1, toks[i-1].Text, toks[i-1].SpaceAfter, text[prev:tok.Start])
		}
		prev = tok.End
	}
	if gap := text[prev:]; strings.IndexFunc(gap, notSpace) >= 0 {
		t.Fatalf("non-space bytes lost at the end: %q", gap)
	}
}
