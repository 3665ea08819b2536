package rules

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// attr names a token attribute a test can look at.
type attr uint8

const (
	attrWord attr = iota
	attrLower
	attrLemma
	attrPOS
	attrChunk
	attrEntity
	attrGaz
	attrMention
)

// attrNames maps every attribute name a pattern may use, aliases included,
// to the attribute.
var attrNames = map[string]attr{
	"word":    attrWord,
	"lower":   attrLower,
	"lemma":   attrLemma,
	"pos":     attrPOS,
	"tag":     attrPOS,
	"chunk":   attrChunk,
	"ent":     attrEntity,
	"entity":  attrEntity,
	"gaz":     attrGaz,
	"mention": attrMention,
}

// knownAttrs is the list shown in "unknown attribute" errors.
const knownAttrs = "word, lower, lemma, pos (tag), chunk, ent (entity), gaz, mention"

// value returns the attribute a of t.
func (a attr) value(t *Token) string {
	switch a {
	case attrWord:
		return t.Word
	case attrLower:
		return t.Lower
	case attrLemma:
		return t.Lemma
	case attrPOS:
		return t.POS
	case attrChunk:
		return t.Chunk
	case attrEntity:
		return t.Entity
	case attrGaz:
		return t.Gaz
	case attrMention:
		switch {
		case t.Entity == "":
			return "none"
		case t.EntityStart:
			return "start"
		default:
			return "inside"
		}
	}
	return ""
}

// test is a compiled token test: the part of a pattern between [ and ].
type test interface {
	match(t *Token) bool
}

// anyTest matches every token: [].
type anyTest struct{}

func (anyTest) match(*Token) bool { return true }

// eqTest is attr=v1|v2|… (or != when neg).
// When fold is set the comparison ignores case (entity types).
type eqTest struct {
	attr attr
	vals []string
	neg  bool
	fold bool
}

func (e *eqTest) match(t *Token) bool {
	v := e.attr.value(t)
	for _, w := range e.vals {
		if v == w || e.fold && strings.EqualFold(v, w) {
			return !e.neg
		}
	}
	return e.neg
}

// reTest is attr=/regexp/ (or != when neg). A regexp that only tests a
// prefix (/^NN/, the usual form for tag families) is run as a prefix test.
type reTest struct {
	attr   attr
	re     *regexp.Regexp
	neg    bool
	prefix string
	simple bool
}

// newReTest builds the test, noting whether re is just ^literal.
func newReTest(a attr, re *regexp.Regexp, neg bool) *reTest {
	r := &reTest{attr: a, re: re, neg: neg}
	if sre, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		sre = sre.Simplify()
		if sre.Op == syntax.OpConcat && len(sre.Sub) == 2 && sre.Sub[0].Op == syntax.OpBeginText &&
			sre.Sub[1].Op == syntax.OpLiteral && sre.Sub[1].Flags&syntax.FoldCase == 0 {
			r.prefix, r.simple = string(sre.Sub[1].Rune), true
		}
	}
	return r
}

func (r *reTest) match(t *Token) bool {
	if r.simple {
		return strings.HasPrefix(r.attr.value(t), r.prefix) != r.neg
	}
	return r.re.MatchString(r.attr.value(t)) != r.neg
}

// notTest is !test.
type notTest struct{ t test }

func (n notTest) match(t *Token) bool { return !n.t.match(t) }

// andTest is a & b & ….
type andTest []test

func (a andTest) match(t *Token) bool {
	for _, x := range a {
		if !x.match(t) {
			return false
		}
	}
	return true
}

// orTest is a | b | ….
type orTest []test

func (o orTest) match(t *Token) bool {
	for _, x := range o {
		if x.match(t) {
			return true
		}
	}
	return false
}

// mentionStartTest is the first token of a whole-mention atom <T1|T2>:
// a token that starts a mention whose type is one of types (any type when
// types is empty).
type mentionStartTest struct{ types []string }

func (m mentionStartTest) match(t *Token) bool {
	if t.Entity == "" || !t.EntityStart {
		return false
	}
	if len(m.types) == 0 {
		return true
	}
	for _, ty := range m.types {
		if strings.EqualFold(t.Entity, ty) {
			return true
		}
	}
	return false
}

// mentionInsideTest matches a token that continues the mention before it.
type mentionInsideTest struct{}

func (mentionInsideTest) match(t *Token) bool { return t.inMention() }
