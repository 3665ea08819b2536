package text

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// examplesDir holds the example articles of the repository.
const examplesDir = "../../examples"

// exampleTexts returns the texts found under examplesDir: whole .txt and
// .html files, and every string field of every line of .jsonl files.
func exampleTexts(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(examplesDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".txt", ".html", ".htm":
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			out[path] = string(b)
		case ".jsonl":
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 64<<20)
			for n := 1; sc.Scan(); n++ {
				var rec map[string]any
				if json.Unmarshal(sc.Bytes(), &rec) != nil {
					out[path+":"+itoa(n)] = sc.Text()
					continue
				}
				for k, v := range rec {
					if s, ok := v.(string); ok {
						out[path+":"+itoa(n)+":"+k] = s
					}
				}
			}
			return sc.Err()
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatalf("read %s: %v", examplesDir, err)
	}
	return out
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// tricky are sentences written to stress the tokeniser's offsets.
var tricky = []string{
	"NEW DELHI, April 22 (FNA) — Jaish-e-Mohammed’s chief, Mufti Abdul Rauf Asghar, didn’t attend.",
	"“We will act,” Lt. Gen. (retd.) K. J. S. Dhillon told IANS on Tuesday. “Pakistan’s I.S.I. knows.”",
	"Also read: U.S. envoy meets Hizb-ul-Mujahideen’s ex-commander\n- A bullet\n-Another\n\n\n",
	"Prices rose 25% to $5.20 (Rs. 1,200) on 2026-04-21; 21/04/2026 at 10:30… really?!",
	"See https://example.com/a?b=c&d=(e). Or mail tips@example.org, #Kashmir @PIB_India.",
	"Jones' and the Joneses' cars; O'Neill’s rock’n’roll isn't Qur’an-based.",
	"\u200b\ufeffZero\u200bwidth\u00a0no-break\u2028line\u2029para\r\nCRLF\rCR",
	"नई दिल्ली, 22 अप्रैल — जैश-ए-मोहम्मद ने हमला किया। عبد الرؤوف أصغر",
	"Broken \xff\xfe bytes \xe2\x80 and a lone \xc3.",
	"....---''''“”‘’--—–…!!??!",
	"U.S.A. U.S.-Pakistan ties, a.m./p.m., e.g., i.e., 4G/5G, F-16s, 1990s, '90s, mid-2024.",
}

func TestOffsetsOnExamples(t *testing.T) {
	texts := exampleTexts(t)
	if len(texts) == 0 {
		t.Skipf("no *.txt, *.jsonl or *.html files under %s", examplesDir)
	}
	for name, txt := range texts {
		toks := Tokenize(txt)
		checkOffsets(t, txt, toks)
		checkSentences(t, txt, toks, Sentences(txt, toks))
		for _, p := range Paragraphs(txt) {
			if !p.Valid(len(txt)) || p.Len() == 0 {
				t.Fatalf("%s: bad paragraph %v", name, p)
			}
		}
	}
}

func TestOffsetsOnTricky(t *testing.T) {
	for _, txt := range tricky {
		toks := Tokenize(txt)
		checkOffsets(t, txt, toks)
		checkSentences(t, txt, toks, Sentences(txt, toks))
	}
}
