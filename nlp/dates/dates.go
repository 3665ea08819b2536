// Package dates finds date expressions in news text and normalises them to
// ISO 8601 at the precision the text gives, resolving relative expressions
// ("Tuesday", "in February", "last year", "two days ago") against the
// publication date of the document.
//
// Values:
//
//	day      "2025-04-22"
//	week     "2025-W17" (ISO week: "this week", "three weeks ago")
//	month    "2025-02"
//	year     "2025"
//	decade   "199X"     (the 1990s; the X convention of EDTF and TIMEX)
//	range    "2019/2021", "2026-04-20/2026-04-22" (an ISO 8601 interval of
//	         two values, each at the precision the text gives it)
//
// Qualifiers such as "early", "mid-" and "late" are kept in the expression's
// text but do not change the value: "mid-2024" is "2024". A preposition or
// article before the expression is not part of it ("on Tuesday" → "Tuesday",
// "the 1990s" → "1990s"); the words of a range, of a modifier and of "ago"
// are ("between April 20 and 22", "last Tuesday", "two days ago").
//
// A bare weekday is the latest such day on or before the reference date (the
// reference date itself when it is that weekday), or in the future tense the
// first on or after it. A month and day without a year take the latest year
// that puts the date no more than seven days after the reference (future
// tense: the first on or after it). A bare month is the latest such month not
// after the reference month (future: not before it). Two-digit years go to
// the century that puts them nearest the reference year and at most ten
// years after it ("4 FEB 90" → 1990-02-04).
//
// The finder works over the tokens of package text, is hand-written and
// deterministic, and does no I/O.
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/nlp/text"
)

// Precision is the granularity of a date value.
type Precision uint8

// The precisions, coarsest first.
const (
	Decade Precision = iota + 1
	Year
	Month
	Week
	Day
)

var precisionNames = [...]string{"", "decade", "year", "month", "week", "day"}

// String returns the name of the precision ("day", "month"...), as used in
// the precision field of dossier.Date.
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "precision(" + strconv.Itoa(int(p)) + ")"
}

// Tense says which way a bare weekday or month points from the reference
// date: "on Tuesday" in a report of what happened is the last Tuesday, in
// "will meet on Tuesday" the next one.
type Tense uint8

// The tenses.
const (
	Past Tense = iota
	Future
)

// Value is a date expression found in a text and its normalised value.
type Value struct {
	// Text is the expression as written: text[Start:End].
	Text       string
	Start, End int
	// Value is ISO 8601 at the precision of the text; an interval
	// "from/to" when Range is set.
	Value     string
	Precision Precision
	// Range is set for intervals ("between April 20 and 22", "2019-2021").
	Range bool
	// Relative is set when the value depends on the reference date
	// ("Tuesday", "last year", "April 21" without a year).
	Relative bool
}

// Date returns the value as the domain type of the extraction output.
func (v Value) Date() dossier.Date {
	return dossier.Date{Text: v.Text, Value: v.Value, Precision: v.Precision.String(), Start: v.Start, End: v.End}
}

// Find finds date expressions in text and resolves them against ref, the
// publication date of the document. Whether a bare weekday or month points
// back or forward is read from the words around it ("will", "scheduled" →
// forward; otherwise back).
func Find(s string, ref time.Time) []Value {
	return FindTokens(s, text.Tokenize(s), ref)
}

// FindTokens is Find over tokens already produced by text.Tokenize(s).
func FindTokens(s string, toks []text.Token, ref time.Time) []Value {
	p := newParser(s, toks, ref)
	var out []Value
	for i := 0; i < len(toks); {
		p.tenseAt = -1
		m, ok := p.matchAt(i)
		if !ok {
			i++
			continue
		}
		out = append(out, p.value(m))
		i = m.end
	}
	return out
}

// Resolve normalises one date expression, such as "on Tuesday", "last
// year" or "7 Oct 2024", against ref with the given tense. A leading
// preposition (on, in, at, since, by, during) is allowed and left out of the
// value's text; the rest of expr must be one date expression.
func Resolve(expr string, ref time.Time, tense Tense) (Value, bool) {
	toks := text.Tokenize(expr)
	p := newParser(expr, toks, ref)
	p.forced, p.tense = true, tense
	n := len(toks)
	for n > 0 && toks[n-1].Kind == text.Punct && toks[n-1].Text != ")" {
		n--
	}
	i := 0
	if i < n-1 {
		switch p.low[0] {
		case "on", "in", "at", "since", "by", "during":
			i = 1
		}
	}
	if n == 0 {
		return Value{}, false
	}
	first := i
	if t := toks[i].Text; (t == "'" || t == "’") && i+1 < n {
		i++ // "'90s": the decade takes its apostrophe
	}
	m, ok := p.matchAt(i)
	if !ok || m.start != first || m.end != n {
		return Value{}, false
	}
	return p.value(m), true
}

// point is a calendar value at some precision. For Week, d is the ISO week
// number; for Decade, y is the first year of the decade.
type point struct {
	y    int
	m    time.Month
	d    int
	prec Precision
}

func (p point) String() string {
	switch p.prec {
	case Decade:
		return fmt.Sprintf("%03dX", p.y/10)
	case Year:
		return fmt.Sprintf("%04d", p.y)
	case Month:
		return fmt.Sprintf("%04d-%02d", p.y, int(p.m))
	case Week:
		return fmt.Sprintf("%04d-W%02d", p.y, p.d)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.y, int(p.m), p.d)
}

// WeekStart returns the Monday of an ISO week value ("2026-W41"), and
// false for a value of any other form.
func WeekStart(v string) (time.Time, bool) {
	y, w, ok := strings.Cut(v, "-W")
	year, err1 := strconv.Atoi(y)
	week, err2 := strconv.Atoi(w)
	if !ok || err1 != nil || err2 != nil || week < 1 || week > 53 {
		return time.Time{}, false
	}
	// Week 1 holds January 4th.
	jan4 := time.Date(year, time.January, 4, 0, 0, 0, 0, time.UTC)
	return jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(week-1)*7), true
}

func dayOf(t time.Time) point { return point{t.Year(), t.Month(), t.Day(), Day} }

func weekOf(t time.Time) point {
	y, w := t.ISOWeek()
	return point{y: y, d: w, prec: Week}
}

// match is one expression: tokens [start, end) and its value.
type match struct {
	start, end int
	from, to   point
	rng, rel   bool
}

func (p *parser) value(m match) Value {
	v := Value{
		Start: p.toks[m.start].Start, End: p.toks[m.end-1].End,
		Value: m.from.String(), Precision: m.from.prec, Range: m.rng, Relative: m.rel,
	}
	v.Text = p.s[v.Start:v.End]
	if m.rng {
		v.Value += "/" + m.to.String()
		v.Precision = min(m.from.prec, m.to.prec)
	}
	return v
}
