package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier"
)

// Dateline is the line that opens a news story and says where (and often
// when, and through which agency) it was filed: "NEW DELHI, April 24 (IANS)
// —", "ISLAMABAD (Reuters) -", "Srinagar, Feb 3:".
type Dateline struct {
	// Place is where the story was filed, in title case ("New Delhi").
	Place string
	// Agency is the news agency in parentheses, if any ("IANS").
	Agency string
	// DateText is the date as written ("April 24"), if any.
	DateText string
	// Date is the date, with its year inferred when not written; zero if
	// the dateline has no date.
	Date time.Time
	// Span covers the dateline in the text given to ParseDateline, from
	// its first character to the end of its separator (dash or colon).
	Span dossier.Span
}

const (
	monthRE = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`
	capsRE  = `\p{Lu}[\p{Lu}.'’-]*`
	titleRE = `\p{Lu}[\p{Ll}.'’-]+`
)

var datelineRE = regexp.MustCompile(`^(\s*(?:[-–—]\s*)?)` + // 1: lead

	// 2: place, all capitals or title case, one to four words
	`((?:` + capsRE + `(?:[ \t]+` + capsRE + `){0,3})|(?:` + titleRE + `(?:[ \t]+` + titleRE + `){0,3}))` +
	// the country or state after the place: "GUAYAQUIL, Ecuador,", "BUNIA,
	// Democratic Republic of Congo," (not captured)
	`(?:,[ \t]+(?:` + titleRE + `|` + capsRE + `)(?:[ \t]+(?:of|the|and|` + titleRE + `|` + capsRE + `)){0,4})?` +
	// 3-6: date, "April 24", "Apr. 24, 2025", "24 April 2025"
	`(?:,?[ \t]+(?:(` + monthRE + `)\.?[ \t]+(\d{1,2})|(\d{1,2})[ \t]+(` + monthRE + `)\.?)(?:,?[ \t]+(\d{4}))?)?` +
	// 7: year; 8: agency in parentheses
	`(?:[ \t]*\(([^()\n]{1,40})\))?` +
	// 9: separator
	`[ \t]*(—|–|--|-|:)(?:[ \t\n]|$)`)

// notPlaces are capitalised words that open a text with a dash or colon
// but are not places.
var notPlaces = map[string]bool{
	"UPDATE": true, "UPDATED": true, "BREAKING": true, "EXCLUSIVE": true, "WATCH": true,
	"ANALYSIS": true, "OPINION": true, "EDITORIAL": true, "NOTE": true, "PHOTO": true,
	"VIDEO": true, "LIVE": true, "CORRECTION": true, "FILE": true, "EDITOR'S NOTE": true,
}

// notPlaceStarts are words that open a sentence, not a place name.
var notPlaceStarts = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "in": true,
	"on": true, "at": true, "by": true, "for": true, "his": true, "her": true, "its": true,
	"our": true, "their": true, "police": true, "officials": true, "when": true, "after": true,
}

// ParseDateline recognises a dateline at the head of text (after leading
// blank space and an optional dash): a place, then optionally a date and
// an agency in parentheses, then a dash or colon. A place alone must be in
// capitals ("- NEW DELHI —"); a place in title case needs a date or an
// agency ("Srinagar, Feb 3:"). A date without a year takes the latest year
// that puts it on or before ref plus one day (the current year if ref is
// zero).
func ParseDateline(text string, ref time.Time) (Dateline, bool) {
	// A dateline is short: look at the head only (the spans found there
	// are offsets into text all the same).
	m := datelineRE.FindStringSubmatchIndex(text[:min(len(text), 300)])
	if m == nil {
		return Dateline{}, false
	}
	sub := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	place := sub(2)
	caps := place == strings.ToUpper(place)
	hasDate := m[6] >= 0 || m[10] >= 0
	agency := strings.TrimSpace(sub(8))
	first, _, _ := strings.Cut(place, " ")
	if notPlaces[place] || notPlaceStarts[strings.ToLower(first)] || utf8.RuneCountInString(place) < 3 {
		return Dateline{}, false
	}
	if !caps && !hasDate && agency == "" {
		return Dateline{}, false
	}
	if agency != "" {
		r, _ := utf8.DecodeRuneInString(agency)
		if !unicode.IsUpper(r) || len(strings.Fields(agency)) > 5 {
			return Dateline{}, false
		}
	}
	dl := Dateline{Place: placeName(place), Agency: agency}
	if hasDate {
		month, day := sub(3), sub(4)
		if month == "" {
			month, day = sub(6), sub(5)
		}
		dl.DateText = text[min(nonNeg(m[6]), nonNeg(m[10])):max(m[9], m[13], m[15])]
		d, ok := dateOf(month, day, sub(7), ref)
		if !ok {
			return Dateline{}, false
		}
		dl.Date = d
	}
	dl.Span = dossier.Span{Start: m[4], End: m[19]}
	return dl, true
}

func nonNeg(i int) int {
	if i < 0 {
		return 1 << 30
	}
	return i
}

// placeName writes a place given in capitals in title case ("NEW DELHI" →
// "New Delhi"), keeping short words such as "US" in capitals.
func placeName(s string) string {
	if s != strings.ToUpper(s) {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		if utf8.RuneCountInString(w) < 3 || strings.Contains(w, ".") {
			continue
		}
		parts := strings.Split(strings.ToLower(w), "-")
		for j, p := range parts {
			r, n := utf8.DecodeRuneInString(p)
			parts[j] = string(unicode.ToUpper(r)) + p[n:]
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// dateOf builds the date of a dateline, inferring a missing year from ref.
func dateOf(month, day, year string, ref time.Time) (time.Time, bool) {
	mo, ok := months[strings.ToLower(month[:3])]
	if !ok {
		return time.Time{}, false
	}
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || d > 31 {
		return time.Time{}, false
	}
	valid := func(y int) (time.Time, bool) {
		t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
		return t, t.Day() == d
	}
	if year != "" {
		y, _ := strconv.Atoi(year)
		return valid(y)
	}
	if ref.IsZero() {
		return valid(time.Now().Year())
	}
	limit := ref.Add(24 * time.Hour)
	for y := ref.Year() + 1; y >= ref.Year()-4; y-- {
		if t, ok := valid(y); ok && !t.After(limit) {
			return t, true
		}
	}
	return time.Time{}, false
}
