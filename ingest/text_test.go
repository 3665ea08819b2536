package ingest

import "testing"

func TestHeadline(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Gunmen kill nine tourists near Anantnag\n\nSRINAGAR, April 21 (FNA) — Gunmen opened fire.", "Gunmen kill nine tourists near Anantnag"},
		{"Gunmen kill nine tourists near Anantnag\nSRINAGAR, April 21 (FNA) — Gunmen opened fire.", "Gunmen kill nine tourists near Anantnag"},
		{"\"We will find them\": police chief vows action\n\nThe police chief said.", "\"We will find them\": police chief vows action"},
		{"Police said nine people were killed.\n\nThe attack was claimed later.", ""}, // a sentence
		{"SRINAGAR, April 21 (FNA) —\nGunmen opened fire.", ""},                       // a dateline
		{"Gunmen kill nine tourists near Anantnag", ""},                               // nothing follows
		{"By Rehana Dar\n\nGunmen opened fire on tourists.", ""},                      // a byline
		{"gunmen kill nine tourists\n\nGunmen opened fire.", ""},                      // lower case
		{"Who said what, where, when:\n\nA timeline of the attack.", ""},              // ends with a colon
	}
	for _, tt := range tests {
		text := tt.text
		if got := headline(text); got != tt.want {
			t.Errorf("headline(%q) = %q, want %q", text, got, tt.want)
		}
	}
	if got := headline(normaliseText("Nine killed\r\n\r\nGunmen opened fire.")); got != "Nine killed" {
		t.Errorf("headline after normaliseText = %q, want %q", got, "Nine killed")
	}
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{in: "plain ASCII", want: "plain ASCII"},
		{in: "\xEF\xBB\xBFcaf\u00e9", want: "café"},
		{in: "caf\xe9 \x96 \x93quoted\x94", want: "café – “quoted”"},
		{in: "\xff\xfeA\x00\xe9\x00", want: "Aé"},
		{in: "abc \x81 def", bad: true},
		{in: "\xc4\xe3\xba\xc3\xca\xc0\xbd\xe7\xc4\xe3\xba\xc3\xca\xc0\xbd\xe7", bad: true}, // GBK
	}
	for _, tt := range tests {
		got, err := decodeText([]byte(tt.in))
		if (err != nil) != tt.bad || !tt.bad && got != tt.want {
			t.Errorf("decodeText(%q) = %q, %v; want %q, bad=%v", tt.in, got, err, tt.want, tt.bad)
		}
	}
}
