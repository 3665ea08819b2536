package text

import (
	_ "embed"
	"strings"
)

// abbrevClass says how an abbreviation behaves at a possible sentence end.
type abbrevClass uint8

const (
	notAbbrev    abbrevClass = iota
	abbrevTitle              // precedes a name: never ends a sentence
	abbrevOther              // may end a sentence before a sentence starter
	abbrevNumber             // an abbreviation only before a digit
)

//go:embed abbreviations.txt
var abbreviationsData string

//go:embed starters.txt
var startersData string

//go:embed boilerplate.txt
var boilerplateData string

var (
	abbreviations = parseAbbreviations(abbreviationsData)
	starters      = parseWords(startersData)
	boilerplate   = parseLines(boilerplateData)
)

// dataLines returns the non-empty, non-comment lines of an embedded file.
func dataLines(data string) []string {
	var out []string
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

func parseAbbreviations(data string) map[string]abbrevClass {
	m := map[string]abbrevClass{}
	for _, line := range dataLines(data) {
		word, class, _ := strings.Cut(line, "\t")
		word = strings.TrimSuffix(strings.TrimSpace(word), ".")
		switch strings.TrimSpace(class) {
		case "title":
			m[word] = abbrevTitle
		case "number":
			m[word] = abbrevNumber
		default:
			m[word] = abbrevOther
		}
	}
	return m
}

func parseWords(data string) map[string]bool {
	m := map[string]bool{}
	for _, line := range dataLines(data) {
		m[strings.TrimSpace(line)] = true
	}
	return m
}

func parseLines(data string) []string {
	var out []string
	for _, line := range dataLines(data) {
		out = append(out, strings.ToLower(strings.TrimSpace(line)))
	}
	return out
}

// IsAbbreviation reports whether tok (with its final period, as the
// tokeniser emits it) is an abbreviation, an acronym with inner periods or
// a capital initial, rather than a word followed by a full stop.
func IsAbbreviation(tok string) bool {
	return classify(tok) != notAbbrev
}

// classify returns the class of a token that ends with a period.
func classify(tok string) abbrevClass {
	w, ok := strings.CutSuffix(tok, ".")
	if !ok || w == "" {
		return notAbbrev
	}
	if c, ok := abbreviations[w]; ok {
		return c
	}
	if isInitial(w) || isAcronym(tok) {
		return abbrevOther
	}
	return notAbbrev
}

// isInitial reports whether w is a single capital letter.
func isInitial(w string) bool {
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// isAcronym reports whether s is two or more single letters each followed
// by a period, the last period optional: "U.S.", "I.S.I.", "a.m.", "U.S".
func isAcronym(s string) bool {
	n := 0
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			return false
		}
		n++
		if i+1 == len(s) {
			return n >= 2
		}
		if s[i+1] != '.' {
			return false
		}
		i += 2
	}
	return n >= 2
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
