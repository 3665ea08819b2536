package dates

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-osint/dossier/nlp/text"
)

// parser matches date expressions over the tokens of one text.
type parser struct {
	s    string
	toks []text.Token
	low  []string // lower-cased token texts
	ref  time.Time
	ry   int
	rm   time.Month

	// forced is set by Resolve: tense is given, not read from context.
	forced bool
	// second is set while matching the second end of a range, where a
	// bare month needs no cue: "between March and May".
	second  bool
	tense   Tense
	tenseAt int // token index tense was detected for, or -1
}

func newParser(s string, toks []text.Token, ref time.Time) *parser {
	low := make([]string, len(toks))
	for i, t := range toks {
		low[i] = lower(t.Text)
	}
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	return &parser{s: s, toks: toks, low: low, ref: ref, ry: ref.Year(), rm: ref.Month(), tenseAt: -1}
}

// lower lower-cases s, without allocating when it has no upper-case ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func (p *parser) lowAt(i int) string {
	if i < 0 || i >= len(p.low) {
		return ""
	}
	return p.low[i]
}

// tenseOf returns the tense for an expression at tokens [i, j): forced by
// Resolve, or the nearest tense cue before it (up to 8 tokens, within the
// sentence), else after it (up to 5 tokens); Past when there is none.
func (p *parser) tenseOf(i, j int) Tense {
	if p.forced {
		return p.tense
	}
	if p.tenseAt == i {
		return p.tense
	}
	p.tenseAt, p.tense = i, Past
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if t, ok := p.tenseCue(k); ok {
			p.tense = t
			return t
		}
		if p.sentenceBreak(k) {
			break
		}
	}
	for k := j; k < len(p.toks) && k < j+5; k++ {
		if p.sentenceBreak(k) {
			break
		}
		if t, ok := p.tenseCue(k); ok {
			p.tense = t
			return t
		}
	}
	return Past
}

func (p *parser) tenseCue(k int) (Tense, bool) {
	w := p.low[k]
	if futureCues[w] {
		return Future, true
	}
	if pastCues[w] {
		return Past, true
	}
	return Past, false
}

// sentenceStart reports whether token k starts a sentence or a line.
func (p *parser) sentenceStart(k int) bool {
	if k == 0 {
		return true
	}
	return p.sentenceBreak(k-1) || strings.Contains(p.s[p.toks[k-1].End:p.toks[k].Start], "\n")
}

func (p *parser) sentenceBreak(k int) bool {
	switch p.toks[k].Text {
	case ".", "!", "?", ";":
		return true
	}
	return false
}

// matchAt matches the longest date expression starting at token i.
func (p *parser) matchAt(i int) (match, bool) {
	switch p.low[i] {
	case "between", "from":
		if m, ok := p.rangeAt(i); ok {
			return m, true
		}
		return match{}, false
	}
	return p.point(i)
}

// rangeAt matches "between X and Y" and "from X to Y" at i.
func (p *parser) rangeAt(i int) (match, bool) {
	a, ok := p.point(i + 1)
	if !ok {
		return match{}, false
	}
	sep := p.lowAt(a.end)
	switch {
	case p.low[i] == "between" && sep == "and":
	case p.low[i] == "from" && (sep == "to" || sep == "until" || sep == "till" || sep == "through" || sep == "-" || sep == "–"):
	default:
		return a, true // "from 2019", "between 2019 ..." alone: the point
	}
	p.second = true
	b, ok := p.point(a.end + 1)
	p.second = false
	if !ok && a.from.prec == Day {
		// "between April 20 and 22": a bare day in a's month.
		if d, isDay := p.dayNumber(a.end + 1); isDay {
			to := a.from
			to.d = d
			if validDay(to.y, to.m, d) && d > a.from.d {
				b, ok = match{start: a.end + 1, end: a.end + 2, from: to, to: to, rel: a.rel}, true
			}
		}
	}
	if !ok {
		return a, true
	}
	if a.rel && !b.rel && a.from.prec >= Month && b.from.prec >= Month {
		a.from.y = b.from.y // "from March to May 2024"
		if a.from.m > b.from.m {
			a.from.y--
		}
	}
	if b.rel && b.to.prec >= Month && b.to.prec != Week && before(b.to, a.from) {
		b.to.y++ // "between March and May" said in April: May of the same year
	}
	return match{start: i, end: b.end, from: a.from, to: b.to, rng: true, rel: a.rel || b.rel}, true
}

// before reports whether month-or-day point a is earlier than b.
func before(a, b point) bool {
	if a.y != b.y {
		return a.y < b.y
	}
	if a.m != b.m {
		return a.m < b.m
	}
	return a.prec == Day && b.prec == Day && a.d < b.d
}

// point matches one date expression (possibly itself a range such as
// "2019-2021" or "20-22 April") starting at token i.
func (p *parser) point(i int) (match, bool) {
	if i >= len(p.toks) {
		return match{}, false
	}
	t := p.toks[i]
	w := p.low[i]
	switch t.Kind {
	case text.Date:
		return p.numericDate(i)
	case text.Number:
		return p.number(i)
	case text.Ordinal:
		return p.dayMonth(i)
	case text.Word:
	default:
		return match{}, false
	}
	if mon, ok := p.month(i); ok {
		return p.monthExpr(i, i, mon, 0)
	}
	if wd, ok := weekdays[w]; ok && p.weekdayForm(i) {
		return p.weekdayExpr(i, i, wd, 0)
	}
	switch w {
	case "today", "tonight":
		return p.dayExpr(i, i, 0), true
	case "yesterday":
		return p.dayExpr(i, i, -1), true
	case "tomorrow":
		return p.dayExpr(i, i, 1), true
	case "last", "next", "this":
		return p.modified(i)
	case "earlier", "later":
		if p.lowAt(i+1) == "this" {
			if m, ok := p.modified(i + 1); ok {
				m.start = i
				return m, true
			}
		}
		return match{}, false
	case "early", "mid", "late":
		if m, ok := p.point(i + 1); ok && !m.rng {
			m.start = i
			return m, true
		}
		return match{}, false
	case "the":
		// the day before yesterday, the day after tomorrow
		if p.lowAt(i+1) == "day" {
			switch {
			case p.lowAt(i+2) == "before" && p.lowAt(i+3) == "yesterday":
				m := p.dayExpr(i, i+3, -2)
				return m, true
			case p.lowAt(i+2) == "after" && p.lowAt(i+3) == "tomorrow":
				m := p.dayExpr(i, i+3, 2)
				return m, true
			}
		}
		return match{}, false
	}
	if n, ok := numberWords[w]; ok {
		return p.ago(i, n)
	}
	for _, pre := range [...]string{"mid-", "early-", "late-"} {
		if rest, ok := strings.CutPrefix(w, pre); ok {
			return p.prefixed(i, t.Text[len(pre):], rest)
		}
	}
	return match{}, false
}

// numericDate parses a Date token: 2026-04-21 or 21/04/2026 (day first
// unless that is impossible: 04/21/2026 is April 21).
func (p *parser) numericDate(i int) (match, bool) {
	s := p.toks[i].Text
	var y, m, d int
	if len(s) == 10 && s[4] == '-' {
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[5:7])
		d, _ = strconv.Atoi(s[8:])
	} else {
		parts := strings.Split(s, "/")
		if len(parts) != 3 {
			return match{}, false
		}
		a, _ := strconv.Atoi(parts[0])
		b, _ := strconv.Atoi(parts[1])
		y, _ = strconv.Atoi(parts[2])
		if len(parts[2]) == 2 {
			y = p.twoDigitYear(y)
		}
		d, m = a, b
		if b > 12 && a <= 12 {
			d, m = b, a
		}
	}
	if m < 1 || m > 12 || !validDay(y, time.Month(m), d) {
		return match{}, false
	}
	pt := point{y, time.Month(m), d, Day}
	return match{start: i, end: i + 1, from: pt, to: pt}, true
}

// number parses expressions that start with a Number token: years,
// decades, year ranges, "7 October 2024", "two days ago" written "2 days
// ago".
func (p *parser) number(i int) (match, bool) {
	s := p.toks[i].Text
	n := len(s)
	allDigits := strings.Trim(s, "0123456789") == ""
	switch {
	case allDigits && n == 4:
		y, _ := strconv.Atoi(s)
		if !p.yearOK(i, y) {
			return match{}, false
		}
		pt := point{y: y, prec: Year}
		return match{start: i, end: i + 1, from: pt, to: pt}, true
	case allDigits && n <= 2:
		if m, ok := p.dayMonth(i); ok {
			return m, true
		}
		v, _ := strconv.Atoi(s)
		return p.ago(i, v)
	case n == 5 && s[4] == 's' && s[3] == '0' && allDigitsOf(s[:4]):
		y, _ := strconv.Atoi(s[:4])
		return p.decade(i, y)
	case n == 3 && s[2] == 's' && s[1] == '0' && allDigitsOf(s[:2]):
		// "90s", "'90s": the decade nearest the reference year, not after it.
		yy, _ := strconv.Atoi(s[:2])
		y := p.ry/100*100 + yy
		if y > p.ry {
			y -= 100
		}
		m, ok := p.decade(i, y)
		if ok && i > 0 && p.toks[i-1].End == p.toks[i].Start && (p.toks[i-1].Text == "'" || p.toks[i-1].Text == "’") {
			m.start = i - 1
		}
		return m, ok
	case n == 9 && s[4] == '-' && allDigitsOf(s[:4]) && allDigitsOf(s[5:]):
		// 2019-2021
		a, _ := strconv.Atoi(s[:4])
		b, _ := strconv.Atoi(s[5:])
		if a < 1000 || b <= a || b-a > 100 {
			return match{}, false
		}
		return match{start: i, end: i + 1, from: point{y: a, prec: Year}, to: point{y: b, prec: Year}, rng: true}, true
	case n == 7 && s[4] == '-' && allDigitsOf(s[:4]) && allDigitsOf(s[5:]):
		// 2020-21 (a season or fiscal year) or 2026-04 (a month)
		a, _ := strconv.Atoi(s[:4])
		dd, _ := strconv.Atoi(s[5:])
		if b := a/100*100 + dd; b > a && b-a <= 10 {
			return match{start: i, end: i + 1, from: point{y: a, prec: Year}, to: point{y: b, prec: Year}, rng: true}, true
		}
		if dd >= 1 && dd <= 12 && a >= 1000 {
			pt := point{y: a, m: time.Month(dd), prec: Month}
			return match{start: i, end: i + 1, from: pt, to: pt}, true
		}
	case strings.Count(s, "-") == 1 && n <= 5:
		// 20-22 April
		return p.dayMonth(i)
	}
	return match{}, false
}

func allDigitsOf(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

func (p *parser) decade(i, y int) (match, bool) {
	if y < 1000 || y > 2990 {
		return match{}, false
	}
	pt := point{y: y, prec: Decade}
	return match{start: i, end: i + 1, from: pt, to: pt}, true
}

// yearOK reports whether the four-digit number y at token i reads as a
// year: within 1900–2100 (1000–2199 after a cue such as "in" or "since"),
// not a quantity ("2000 troops", "$2000", "2000%").
func (p *parser) yearOK(i, y int) bool {
	prev := p.lowAt(i - 1)
	lo, hi := 1900, 2100
	if cues[prev] || p.isMonthAt(i-1) {
		lo, hi = 1000, 2199
	}
	if y < lo || y > hi {
		return false
	}
	next := p.lowAt(i + 1)
	if countNouns[next] || next == "%" || next == "per" {
		return false
	}
	if i > 0 && p.toks[i-1].Kind == text.Symbol {
		return false // $2000, ₹2000, #2000
	}
	switch prev {
	case "no.", "no", "number", "rs", "rs.", "us", "flight", "route", "room", "model", "resolution":
		return false
	}
	return true
}

// dayNumber returns the day of month written by token i: "7", "21st".
func (p *parser) dayNumber(i int) (int, bool) {
	if i >= len(p.toks) {
		return 0, false
	}
	t := p.toks[i]
	s := t.Text
	switch t.Kind {
	case text.Ordinal:
		s = s[:len(s)-2]
	case text.Number:
	default:
		return 0, false
	}
	if len(s) > 2 || !allDigitsOf(s) {
		return 0, false
	}
	d, _ := strconv.Atoi(s)
	return d, d >= 1 && d <= 31
}

// dayMonth matches "7 October 2024", "7th of Oct. 2024", "4 FEB 90", "21
// April", "20-22 April 2025".
func (p *parser) dayMonth(i int) (match, bool) {
	d1, d2 := 0, 0
	if a, b, ok := strings.Cut(p.toks[i].Text, "-"); ok && p.toks[i].Kind == text.Number {
		x, _ := strconv.Atoi(a)
		y, _ := strconv.Atoi(b)
		if !allDigitsOf(a) || !allDigitsOf(b) || x < 1 || y > 31 || x >= y {
			return match{}, false
		}
		d1, d2 = x, y
	} else {
		d, ok := p.dayNumber(i)
		if !ok {
			return match{}, false
		}
		d1, d2 = d, d
	}
	j := i + 1
	if p.lowAt(j) == "of" {
		j++
	}
	mon, ok := p.month(j)
	if !ok {
		return match{}, false
	}
	end := j + 1
	y, hasYear := 0, false
	k := end
	if p.lowAt(k) == "," {
		k++
	}
	if k < len(p.toks) && p.toks[k].Kind == text.Number && allDigitsOf(p.toks[k].Text) {
		switch len(p.toks[k].Text) {
		case 4:
			y, _ = strconv.Atoi(p.toks[k].Text)
			hasYear = y >= 1000 && !countNouns[p.lowAt(k+1)]
		case 2:
			if k == end && !countNouns[p.lowAt(k+1)] { // MUC "4 FEB 90"
				yy, _ := strconv.Atoi(p.toks[k].Text)
				y, hasYear = p.twoDigitYear(yy), true
			}
		}
	}
	if hasYear {
		end = k + 1
	}
	return p.dayRange(i, end, y, hasYear, mon, d1, d2)
}

// dayRange builds the match for days d1..d2 of month mon, inferring the
// year when the text gives none.
func (p *parser) dayRange(start, end, y int, hasYear bool, mon time.Month, d1, d2 int) (match, bool) {
	rel := false
	if !hasYear {
		var ok bool
		y, ok = p.inferYear(mon, d1, p.tenseOf(start, end))
		if !ok {
			return match{}, false
		}
		rel = true
	}
	if !validDay(y, mon, d1) || !validDay(y, mon, d2) {
		return match{}, false
	}
	m := match{start: start, end: end, from: point{y, mon, d1, Day}, to: point{y, mon, d2, Day}, rel: rel}
	m.rng = d1 != d2
	return m, true
}

// month returns the month named by token i: a full name or an
// abbreviation, capitalised or in capitals ("May", "MAY", "Oct."); lower
// case only for the names that are not also common words.
func (p *parser) month(i int) (time.Month, bool) {
	if i < 0 || i >= len(p.toks) || p.toks[i].Kind != text.Word {
		return 0, false
	}
	w := strings.TrimSuffix(p.low[i], ".")
	m, ok := months[w]
	if !ok {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(p.toks[i].Text)
	if !unicode.IsUpper(r) && (ambiguousMonths[w] || len(w) <= 4) {
		return 0, false
	}
	return m, true
}

func (p *parser) isMonthAt(i int) bool {
	_, ok := p.month(i)
	return ok
}

// monthExpr matches expressions starting with a month name at token j
// (the whole expression starting at start): "October 7, 2024", "Oct. 7",
// "April 20-22", "October 2023", "February". mod is -1 for "last
// February", +1 for "next March", 2 for "this April", 0 otherwise.
func (p *parser) monthExpr(start, j int, mon time.Month, mod int) (match, bool) {
	k := j + 1
	if mod == 0 && k < len(p.toks) {
		t := p.toks[k]
		if d, ok := p.dayNumber(k); ok {
			end := k + 1
			y := 0
			c := end
			if p.lowAt(c) == "," {
				c++
			}
			if y = p.yearAt(c); y > 0 {
				end = c + 1
			}
			return p.dayRange(start, end, y, y > 0, mon, d, d)
		}
		if a, b, ok := strings.Cut(t.Text, "-"); ok && t.Kind == text.Number && allDigitsOf(a) && allDigitsOf(b) && len(a) <= 2 && len(b) <= 2 {
			// April 20-22
			d1, _ := strconv.Atoi(a)
			d2, _ := strconv.Atoi(b)
			if d1 >= 1 && d1 < d2 && d2 <= 31 {
				end := k + 1
				y := p.yearAt(end)
				if y > 0 {
					end++
				}
				return p.dayRange(start, end, y, y > 0, mon, d1, d2)
			}
		}
		c := k
		if p.lowAt(c) == "," || p.lowAt(c) == "of" {
			c++
		}
		if y := p.yearAt(c); y > 0 {
			pt := point{y: y, m: mon, prec: Month}
			return match{start: start, end: c + 1, from: pt, to: pt}, true
		}
	}
	// A month alone.
	w := p.low[j]
	abbrev := len(strings.TrimSuffix(w, ".")) <= 4 && w != "june" && w != "july"
	if mod == 0 && start == j && (ambiguousMonths[strings.TrimSuffix(w, ".")] || abbrev && !strings.HasSuffix(w, ".")) && !cues[p.lowAt(j-1)] && !p.second {
		return match{}, false
	}
	y := p.ry
	switch mod {
	case -1:
		if mon >= p.rm {
			y--
		}
	case 1:
		if mon <= p.rm {
			y++
		}
	case 2:
	default:
		if p.tenseOf(start, j+1) == Future {
			if mon < p.rm {
				y++
			}
		} else if mon > p.rm {
			y--
		}
	}
	pt := point{y: y, m: mon, prec: Month}
	return match{start: start, end: j + 1, from: pt, to: pt, rel: true}, true
}

// yearAt returns the four-digit year written by token i, or 0.
func (p *parser) yearAt(i int) int {
	if i >= len(p.toks) || p.toks[i].Kind != text.Number || len(p.toks[i].Text) != 4 || !allDigitsOf(p.toks[i].Text) {
		return 0
	}
	y, _ := strconv.Atoi(p.toks[i].Text)
	if y < 1000 || countNouns[p.lowAt(i+1)] {
		return 0
	}
	return y
}

// weekdayForm reports whether token i is written as a weekday: a full name
// in any case, or a capitalised abbreviation ("Tue.") after "on", "last",
// "next" or "this" or before a comma ("Sun." alone is more often the
// newspaper).
func (p *parser) weekdayForm(i int) bool {
	if !strings.HasSuffix(p.low[i], ".") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(p.toks[i].Text)
	if !unicode.IsUpper(r) {
		return false
	}
	switch p.lowAt(i - 1) {
	case "on", "last", "next", "this", "(":
		return true
	}
	return p.lowAt(i+1) == ","
}

// namePart reports whether token i is a capitalised word that is not in
// capitals throughout: part of a name around a weekday ("The Sunday
// Times", "Good Friday") rather than a date.
func (p *parser) namePart(i int) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].Kind != text.Word || cues[p.low[i]] || p.low[i] == "on" {
		return false
	}
	t := p.toks[i].Text
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && strings.ToUpper(t) != t && !p.isMonthAt(i)
}

// weekdayExpr matches a weekday at token j ("Tuesday", "Tuesday night",
// "Tuesday, April 22", "Tuesday (April 22, 2025)"). mod is -1 for "last",
// +1 for "next", 0 for a bare weekday or "this".
func (p *parser) weekdayExpr(start, j int, wd time.Weekday, mod int) (match, bool) {
	k := j + 1
	if sep := p.lowAt(k); sep == "," || sep == "(" {
		if m, ok := p.point(k + 1); ok && !m.rng && m.from.prec == Day {
			m.start = start
			if sep == "(" && p.lowAt(m.end) == ")" {
				m.end++
			}
			return m, true
		}
	}
	if mod == 0 && start == j && (p.namePart(j+1) || p.namePart(j-1) && !p.sentenceStart(j-1)) {
		return match{}, false
	}
	end := k
	if partsOfDay[p.lowAt(k)] {
		end++
	}
	rwd := p.ref.Weekday()
	back := (int(rwd) - int(wd) + 7) % 7
	fwd := (int(wd) - int(rwd) + 7) % 7
	var days int
	switch {
	case mod < 0:
		days = -back
		if back == 0 {
			days = -7
		}
	case mod > 0:
		days = fwd
		if fwd == 0 {
			days = 7
		}
	case p.tenseOf(start, end) == Future:
		days = fwd
	default:
		days = -back
	}
	return p.dayExpr(start, end-1, days), true
}

// dayExpr is the day ref+days for tokens [start, last], extended over a
// following part of the day ("yesterday morning").
func (p *parser) dayExpr(start, last, days int) match {
	end := last + 1
	if partsOfDay[p.lowAt(end)] && end == last+1 && !partsOfDay[p.low[last]] {
		end++
	}
	pt := dayOf(p.ref.AddDate(0, 0, days))
	return match{start: start, end: end, from: pt, to: pt, rel: true}
}

// modified matches expressions after "last", "next" or "this" at i.
func (p *parser) modified(i int) (match, bool) {
	dir := map[string]int{"last": -1, "next": 1, "this": 0}[p.low[i]]
	j := i + 1
	if j >= len(p.toks) {
		return match{}, false
	}
	w := p.low[j]
	if wd, ok := weekdays[w]; ok && p.weekdayForm(j) {
		return p.weekdayExpr(i, j, wd, dir)
	}
	if mon, ok := p.month(j); ok {
		mod := dir
		if p.low[i] == "this" {
			mod = 2
		}
		return p.monthExpr(i, j, mon, mod)
	}
	var pt point
	switch w {
	case "week":
		pt = weekOf(p.ref.AddDate(0, 0, 7*dir))
	case "month":
		t := time.Date(p.ry, p.rm+time.Month(dir), 1, 0, 0, 0, 0, time.UTC)
		pt = point{y: t.Year(), m: t.Month(), prec: Month}
	case "year":
		pt = point{y: p.ry + dir, prec: Year}
	case "night":
		if dir != -1 {
			return match{}, false
		}
		pt = dayOf(p.ref.AddDate(0, 0, -1))
	case "morning", "afternoon", "evening":
		if dir != 0 {
			return match{}, false
		}
		pt = dayOf(p.ref)
	default:
		return match{}, false
	}
	return match{start: i, end: j + 1, from: pt, to: pt, rel: true}, true
}

// ago matches "<n> days|weeks|months|years ago" whose count n is token i.
func (p *parser) ago(i, n int) (match, bool) {
	unit := strings.TrimSuffix(p.lowAt(i+1), "s")
	if p.lowAt(i+2) != "ago" || n <= 0 {
		return match{}, false
	}
	var pt point
	switch unit {
	case "day":
		pt = dayOf(p.ref.AddDate(0, 0, -n))
	case "week":
		pt = weekOf(p.ref.AddDate(0, 0, -7*n))
	case "month":
		t := time.Date(p.ry, p.rm-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		pt = point{y: t.Year(), m: t.Month(), prec: Month}
	case "year":
		pt = point{y: p.ry - n, prec: Year}
	case "decade":
		pt = point{y: (p.ry - 10*n) / 10 * 10, prec: Decade}
	default:
		return match{}, false
	}
	return match{start: i, end: i + 3, from: pt, to: pt, rel: true}, true
}

// prefixed matches "mid-2024", "early-1990s", "mid-March" (rest is the
// part after the prefix, orig the same as written).
func (p *parser) prefixed(i int, orig, rest string) (match, bool) {
	switch {
	case len(rest) == 4 && allDigitsOf(rest):
		y, _ := strconv.Atoi(rest)
		if y < 1000 {
			return match{}, false
		}
		pt := point{y: y, prec: Year}
		return match{start: i, end: i + 1, from: pt, to: pt}, true
	case len(rest) == 5 && rest[4] == 's' && rest[3] == '0' && allDigitsOf(rest[:4]):
		y, _ := strconv.Atoi(rest[:4])
		return p.decade(i, y)
	}
	mon, ok := months[rest]
	if !ok || len(rest) <= 4 {
		return match{}, false
	}
	r, _ := utf8.DecodeRuneInString(orig)
	if !unicode.IsUpper(r) {
		return match{}, false
	}
	if y := p.yearAt(i + 1); y > 0 {
		pt := point{y: y, m: mon, prec: Month}
		return match{start: i, end: i + 2, from: pt, to: pt}, true
	}
	y := p.ry
	if p.tenseOf(i, i+1) == Future {
		if mon < p.rm {
			y++
		}
	} else if mon > p.rm {
		y--
	}
	pt := point{y: y, m: mon, prec: Month}
	return match{start: i, end: i + 1, from: pt, to: pt, rel: true}, true
}

// inferYear returns the year of a month and day written without one: the
// latest such date no more than a week after the reference date, or in the
// future tense the first one on or after it.
func (p *parser) inferYear(mon time.Month, d int, tense Tense) (int, bool) {
	limit := p.ref.AddDate(0, 0, 7)
	best := 0
	for y := p.ry - 1; y <= p.ry+1; y++ {
		if !validDay(y, mon, d) {
			continue
		}
		t := time.Date(y, mon, d, 0, 0, 0, 0, time.UTC)
		if tense == Future {
			if !t.Before(p.ref) {
				return y, true
			}
			continue
		}
		if !t.After(limit) {
			best = y
		}
	}
	return best, best != 0
}

// twoDigitYear expands a two-digit year to the century that puts it
// nearest the reference year, but no more than ten years after it: with a
// reference in 2026, "90" is 1990 and "30" is 2030.
func (p *parser) twoDigitYear(yy int) int {
	y := p.ry/100*100 + yy
	if y > p.ry+10 {
		y -= 100
	} else if y < p.ry-90 {
		y += 100
	}
	return y
}

func validDay(y int, m time.Month, d int) bool {
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && t.Month() == m
}
