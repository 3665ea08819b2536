package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits that keep a hostile or mistaken pattern from exhausting memory.
const (
	maxRepeat = 100   // largest m or n in {m,n}
	maxDepth  = 100   // deepest nesting of groups and token-test brackets
	maxInsts  = 20000 // largest compiled program
)

// PatternError is a syntax or meaning error inside one pattern.
type PatternError struct {
	// Offset is the byte offset in the pattern where the problem is.
	Offset int
	// Column is the 1-based character column of Offset, or 0 when the
	// problem concerns the whole pattern.
	Column int
	// Msg says what is wrong.
	Msg string
}

// Error returns "col N: message", or the message alone for the whole pattern.
func (e *PatternError) Error() string {
	if e.Column == 0 {
		return e.Msg
	}
	return fmt.Sprintf("col %d: %s", e.Column, e.Msg)
}

// nodeKind says what a pattern AST node is.
type nodeKind uint8

const (
	nToken   nodeKind = iota // one token satisfying test
	nSeq                     // subs in order
	nAlt                     // first matching of subs, leftmost first
	nRepeat                  // sub repeated min..max times (max -1: unbounded)
	nCapture                 // sub recorded as capture name
	nAssert                  // zero-width assertion
)

// assertKind is a zero-width condition on a position.
type assertKind uint8

const (
	assertBegin      assertKind = iota // ^: start of sentence
	assertEnd                          // $: end of sentence
	assertMentionEnd                   // the next token does not continue a mention
)

// node is one element of a parsed pattern.
type node struct {
	kind   nodeKind
	test   test
	subs   []*node
	min    int
	max    int
	lazy   bool
	name   string
	assert assertKind
}

// macroFunc resolves @NAME to its parsed pattern.
type macroFunc func(name string) (*node, error)

// parser reads one pattern.
type parser struct {
	src    string
	pos    int
	depth  int
	macros macroFunc
}

// parsePattern parses src into an AST. macros resolves @NAME references
// and may be nil when none are defined.
func parsePattern(src string, macros macroFunc) (*node, error) {
	p := &parser{src: src, macros: macros}
	n, err := p.parseAlt()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		if p.src[p.pos] == ')' {
			return nil, p.errf(p.pos, "unbalanced ')'")
		}
		return nil, p.errf(p.pos, "unexpected %q", p.src[p.pos])
	}
	return n, nil
}

// errf builds a PatternError at byte offset off.
func (p *parser) errf(off int, format string, args ...any) error {
	if off > len(p.src) {
		off = len(p.src)
	}
	return &PatternError{Offset: off, Column: utf8.RuneCountInString(p.src[:off]) + 1, Msg: fmt.Sprintf(format, args...)}
}

// skipSpace skips white space and # comments (outside token tests).
func (p *parser) skipSpace() {
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; c {
		case ' ', '\t', '\n', '\r':
			p.pos++
		case '#':
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
		default:
			return
		}
	}
}

// skipBlank skips white space only (inside token tests, where # is a POS tag).
func (p *parser) skipBlank() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// peek returns the byte at the current position or 0 at the end.
func (p *parser) peek() byte {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

// enter counts one level of nesting, opened at at, and fails beyond maxDepth.
func (p *parser) enter(at int) error {
	p.depth++
	if p.depth > maxDepth {
		return p.errf(at, "nesting deeper than %d levels", maxDepth)
	}
	return nil
}

// parseAlt parses seq ('|' seq)*.
func (p *parser) parseAlt() (*node, error) {
	var alts []*node
	for {
		p.skipSpace()
		at := p.pos
		items, err := p.parseSeq()
		if err != nil {
			return nil, err
		}
		if len(items) == 0 {
			if len(alts) == 0 && p.peek() != '|' {
				if p.pos >= len(p.src) && p.depth == 0 {
					return nil, p.errf(at, "empty pattern")
				}
				return nil, p.errf(at, "empty group")
			}
			return nil, p.errf(at, "empty alternative (use ? to make something optional)")
		}
		if len(items) == 1 {
			alts = append(alts, items[0])
		} else {
			alts = append(alts, &node{kind: nSeq, subs: items})
		}
		if p.peek() != '|' {
			break
		}
		p.pos++
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return &node{kind: nAlt, subs: alts}, nil
}

// parseSeq parses items up to '|', ')' or the end.
func (p *parser) parseSeq() ([]*node, error) {
	var items []*node
	for {
		p.skipSpace()
		switch p.peek() {
		case 0, '|', ')':
			return items, nil
		}
		item, err := p.parseItem()
		if err != nil {
			return nil, err
		}
		items = append(items, item)
	}
}

// parseItem parses an atom and its quantifier.
func (p *parser) parseItem() (*node, error) {
	at := p.pos
	atom, err := p.parseAtom()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	qat := p.pos
	min, max, ok, err := p.parseQuantifier()
	if err != nil || !ok {
		return atom, err
	}
	if atom.kind == nAssert {
		return nil, p.errf(qat, "nothing to repeat: %s is an anchor", p.src[at:qat])
	}
	lazy := false
	if p.peek() == '?' {
		lazy = true
		p.pos++
	}
	p.skipSpace()
	if c := p.peek(); c == '*' || c == '+' || c == '?' || c == '{' {
		return nil, p.errf(p.pos, "quantifier %q after quantifier (put the group in ( ) first)", c)
	}
	return &node{kind: nRepeat, subs: []*node{atom}, min: min, max: max, lazy: lazy}, nil
}

// parseQuantifier parses ? * + {m} {m,} {m,n}, if present.
func (p *parser) parseQuantifier() (min, max int, ok bool, err error) {
	switch p.peek() {
	case '?':
		p.pos++
		return 0, 1, true, nil
	case '*':
		p.pos++
		return 0, -1, true, nil
	case '+':
		p.pos++
		return 1, -1, true, nil
	case '{':
	default:
		return 0, 0, false, nil
	}
	at := p.pos
	end := strings.IndexByte(p.src[at:], '}')
	if end < 0 {
		return 0, 0, false, p.errf(at, "missing '}' in repeat count")
	}
	body := p.src[at+1 : at+end]
	lo, hi, comma := strings.Cut(body, ",")
	min, err1 := strconv.Atoi(strings.TrimSpace(lo))
	if err1 != nil || min < 0 {
		return 0, 0, false, p.errf(at, "bad repeat count {%s}: want {m}, {m,} or {m,n}", body)
	}
	max = min
	if comma {
		if strings.TrimSpace(hi) == "" {
			max = -1
		} else if max, err1 = strconv.Atoi(strings.TrimSpace(hi)); err1 != nil || max < 0 {
			return 0, 0, false, p.errf(at, "bad repeat count {%s}: want {m}, {m,} or {m,n}", body)
		}
	}
	if max != -1 && max < min {
		return 0, 0, false, p.errf(at, "bad repeat count {%s}: maximum below minimum", body)
	}
	if min > maxRepeat || max > maxRepeat {
		return 0, 0, false, p.errf(at, "repeat count {%s} above %d", body, maxRepeat)
	}
	if max == 0 {
		return 0, 0, false, p.errf(at, "repeat count {%s} matches nothing", body)
	}
	p.pos = at + end + 1
	return min, max, true, nil
}

// parseAtom parses one element of a sequence.
func (p *parser) parseAtom() (*node, error) {
	at := p.pos
	switch c := p.peek(); c {
	case '[':
		p.pos++
		if err := p.enter(at); err != nil {
			return nil, err
		}
		p.skipBlank()
		var t test = anyTest{}
		if p.peek() != ']' {
			var err error
			if t, err = p.parseOr(); err != nil {
				return nil, err
			}
			p.skipBlank()
		}
		if p.peek() != ']' {
			if p.pos >= len(p.src) {
				return nil, p.errf(at, "unclosed token test: missing ']'")
			}
			return nil, p.errf(p.pos, "unexpected %q in token test (want & | or ])", p.src[p.pos])
		}
		p.pos++
		p.depth--
		return &node{kind: nToken, test: t}, nil
	case '"':
		s, err := p.parseQuoted()
		if err != nil {
			return nil, err
		}
		words := strings.Fields(s)
		if len(words) == 0 {
			return nil, p.errf(at, "empty quoted word")
		}
		seq := &node{kind: nSeq}
		for _, w := range words {
			seq.subs = append(seq.subs, &node{kind: nToken, test: &eqTest{attr: attrLower, vals: []string{strings.ToLower(w)}}})
		}
		if len(seq.subs) == 1 {
			return seq.subs[0], nil
		}
		return seq, nil
	case '(':
		p.pos++
		if err := p.enter(at); err != nil {
			return nil, err
		}
		name := ""
		capture := false
		if strings.HasPrefix(p.src[p.pos:], "?<") {
			p.pos += 2
			start := p.pos
			for p.pos < len(p.src) && isIdent(p.src[p.pos]) {
				p.pos++
			}
			name = p.src[start:p.pos]
			if p.peek() != '>' || name == "" || !isLetter(name[0]) {
				return nil, p.errf(start, "bad capture name: want (?<name> …) with a name of letters, digits and _")
			}
			p.pos++
			capture = true
		} else if strings.HasPrefix(p.src[p.pos:], "?:") {
			p.pos += 2
		} else if p.peek() == '?' {
			return nil, p.errf(p.pos, "unknown group syntax: want ( … ), (?: … ) or (?<name> … )")
		}
		sub, err := p.parseAlt()
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, p.errf(at, "unclosed group: missing ')'")
		}
		p.pos++
		p.depth--
		if capture {
			return &node{kind: nCapture, name: name, subs: []*node{sub}}, nil
		}
		return sub, nil
	case '<':
		p.pos++
		end := strings.IndexByte(p.src[p.pos:], '>')
		if end < 0 {
			return nil, p.errf(at, "missing '>' after mention type")
		}
		body := p.src[p.pos : p.pos+end]
		var types []string
		if strings.TrimSpace(body) != "" {
			for _, ty := range strings.Split(body, "|") {
				ty = strings.TrimSpace(ty)
				if ty == "" || !isWord(ty) {
					return nil, p.errf(p.pos, "bad mention type %q in <%s>: want <TYPE> or <TYPE1|TYPE2>", ty, body)
				}
				types = append(types, ty)
			}
		}
		p.pos += end + 1
		return &node{kind: nSeq, subs: []*node{
			{kind: nToken, test: mentionStartTest{types: types}},
			{kind: nRepeat, min: 0, max: -1, subs: []*node{{kind: nToken, test: mentionInsideTest{}}}},
			{kind: nAssert, assert: assertMentionEnd},
		}}, nil
	case '^':
		p.pos++
		return &node{kind: nAssert, assert: assertBegin}, nil
	case '$':
		p.pos++
		return &node{kind: nAssert, assert: assertEnd}, nil
	case '@':
		return p.parseMacro()
	case '*', '+', '?', '{':
		return nil, p.errf(at, "nothing to repeat before %q", c)
	case ']':
		return nil, p.errf(at, "unbalanced ']'")
	default:
		r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
		return nil, p.errf(at, "unexpected %q: a token is written [attr=value], \"word\" or <TYPE>", r)
	}
}

// parseMacro parses @NAME and returns the macro's pattern.
func (p *parser) parseMacro() (*node, error) {
	at := p.pos
	p.pos++
	start := p.pos
	for p.pos < len(p.src) && isIdent(p.src[p.pos]) {
		p.pos++
	}
	name := p.src[start:p.pos]
	if name == "" {
		return nil, p.errf(at, "missing macro name after @")
	}
	if p.macros == nil {
		return nil, p.errf(at, "unknown macro @%s (no macros are defined)", name)
	}
	n, err := p.macros(name)
	if err != nil {
		return nil, p.errf(at, "%v", err)
	}
	return n, nil
}

// parseOr parses and ('|' and)* inside [ ].
func (p *parser) parseOr() (test, error) {
	var alts orTest
	for {
		t, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		alts = append(alts, t)
		p.skipBlank()
		if p.peek() != '|' {
			break
		}
		p.pos++
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return alts, nil
}

// parseAnd parses unary ('&' unary)* inside [ ].
func (p *parser) parseAnd() (test, error) {
	var all andTest
	for {
		t, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		all = append(all, t)
		p.skipBlank()
		if p.peek() != '&' {
			break
		}
		p.pos++
	}
	if len(all) == 1 {
		return all[0], nil
	}
	return all, nil
}

// parseUnary parses !unary, ( or ), @MACRO or attr op value inside [ ].
func (p *parser) parseUnary() (test, error) {
	p.skipBlank()
	at := p.pos
	switch p.peek() {
	case '!':
		p.pos++
		t, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return notTest{t}, nil
	case '(':
		p.pos++
		if err := p.enter(at); err != nil {
			return nil, err
		}
		t, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		p.skipBlank()
		if p.peek() != ')' {
			return nil, p.errf(at, "missing ')' in token test")
		}
		p.pos++
		p.depth--
		return t, nil
	case '@':
		n, err := p.parseMacro()
		if err != nil {
			return nil, err
		}
		if n.kind != nToken {
			return nil, p.errf(at, "%s is not a single token test, so it cannot be used inside [ ]", p.src[at:p.pos])
		}
		return n.test, nil
	}
	for p.pos < len(p.src) && isIdent(p.src[p.pos]) {
		p.pos++
	}
	name := p.src[at:p.pos]
	if name == "" {
		if p.pos >= len(p.src) {
			return nil, p.errf(at, "missing ']'")
		}
		return nil, p.errf(at, "expected an attribute name (%s)", knownAttrs)
	}
	a, ok := attrNames[strings.ToLower(name)]
	if !ok {
		return nil, p.errf(at, "unknown attribute %q (known: %s)", name, knownAttrs)
	}
	p.skipBlank()
	neg := false
	switch {
	case strings.HasPrefix(p.src[p.pos:], "!="):
		neg = true
		p.pos += 2
	case p.peek() == '=':
		p.pos++
	default:
		return nil, p.errf(p.pos, "expected = or != after %s", name)
	}
	p.skipBlank()
	if p.peek() == '/' {
		if a == attrMention {
			return nil, p.errf(p.pos, "mention takes start, inside or none, not a regexp")
		}
		re, err := p.parseRegexp()
		if err != nil {
			return nil, err
		}
		return newReTest(a, re, neg), nil
	}
	var vals []string
	for {
		vat := p.pos
		v, err := p.parseValue()
		if err != nil {
			return nil, err
		}
		switch a {
		case attrLower:
			v = strings.ToLower(v)
		case attrMention:
			if v != "start" && v != "inside" && v != "none" {
				return nil, p.errf(vat, "mention=%s: want start, inside or none", v)
			}
		}
		vals = append(vals, v)
		if !p.valueAlternative() {
			break
		}
	}
	return &eqTest{attr: a, vals: vals, neg: neg, fold: a == attrEntity}, nil
}

// valueAlternative reports whether a '|' follows that separates values of
// one test ([ent=PERSON|ORG]) rather than two tests ([lemma=say | pos=VBD]),
// and consumes it if so.
func (p *parser) valueAlternative() bool {
	q := p.pos
	for q < len(p.src) && isBlank(p.src[q]) {
		q++
	}
	if q >= len(p.src) || p.src[q] != '|' {
		return false
	}
	r := q + 1
	for r < len(p.src) && isBlank(p.src[r]) {
		r++
	}
	if r >= len(p.src) {
		return false
	}
	switch p.src[r] {
	case '!', '(', '@', ']', '|', '&':
		return false
	}
	s := r
	for s < len(p.src) && isIdent(p.src[s]) {
		s++
	}
	if s > r {
		for s < len(p.src) && isBlank(p.src[s]) {
			s++
		}
		if s < len(p.src) && (p.src[s] == '=' || strings.HasPrefix(p.src[s:], "!=")) {
			return false
		}
	}
	p.pos = r
	return true
}

// parseValue parses a bare or double-quoted value inside [ ].
func (p *parser) parseValue() (string, error) {
	if p.peek() == '"' {
		return p.parseQuoted()
	}
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if isBlank(c) || strings.IndexByte("[]|&()\"/=", c) >= 0 || c == '!' && strings.HasPrefix(p.src[p.pos:], "!=") {
			break
		}
		p.pos++
	}
	if p.pos == start {
		if p.pos >= len(p.src) {
			return "", p.errf(start, "missing value and ']'")
		}
		return "", p.errf(start, "missing value (quote values with special characters: \"a|b\")")
	}
	return p.src[start:p.pos], nil
}

// parseQuoted parses "…" with \" and \\ escapes.
func (p *parser) parseQuoted() (string, error) {
	at := p.pos
	p.pos++
	var b strings.Builder
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c == '\\' && p.pos+1 < len(p.src):
			b.WriteByte(p.src[p.pos+1])
			p.pos += 2
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
	return "", p.errf(at, "unterminated quoted word")
}

// parseRegexp parses /re/ with an optional i flag and compiles it.
func (p *parser) parseRegexp() (*regexp.Regexp, error) {
	at := p.pos
	p.pos++
	var b strings.Builder
	closed := false
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '\\' && p.pos+1 < len(p.src) && p.src[p.pos+1] == '/' {
			b.WriteByte('/')
			p.pos += 2
			continue
		}
		p.pos++
		if c == '/' {
			closed = true
			break
		}
		b.WriteByte(c)
	}
	if !closed {
		return nil, p.errf(at, "unterminated regexp (missing closing /)")
	}
	expr := b.String()
	if p.peek() == 'i' {
		p.pos++
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		msg := err.Error()
		if e, ok := err.(*syntax.Error); ok {
			msg = string(e.Code)
			if e.Expr != "" {
				msg += ": " + e.Expr
			}
		}
		return nil, p.errf(at, "bad regexp /%s/: %s", b.String(), msg)
	}
	return re, nil
}

func isBlank(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }
func isIdent(c byte) bool  { return isLetter(c) || '0' <= c && c <= '9' }

// isWord reports whether s is a non-empty identifier.
func isWord(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdent(s[i]) {
			return false
		}
	}
	return true
}

// nullable reports whether n can match zero tokens.
func nullable(n *node) bool {
	switch n.kind {
	case nToken:
		return false
	case nSeq:
		for _, s := range n.subs {
			if !nullable(s) {
				return false
			}
		}
		return true
	case nAlt:
		for _, s := range n.subs {
			if nullable(s) {
				return true
			}
		}
		return false
	case nRepeat:
		return n.min == 0 || nullable(n.subs[0])
	case nCapture:
		return nullable(n.subs[0])
	}
	return true
}
