package rules

import (
	"fmt"
	"sort"
	"strings"
)

// Kinds of things a rule can emit (Emit.Kind).
const (
	KindRelation    = "relation"
	KindEvent       = "event"
	KindQuote       = "quote"
	KindAttribution = "attribution"
	KindModality    = "modality"
	KindMention     = "mention"
)

// kinds is the set of valid Emit.Kind values, in the order errors list them.
var kinds = []string{KindRelation, KindEvent, KindQuote, KindAttribution, KindModality, KindMention}

// Matcher is a compiled pattern. It is immutable and safe for concurrent use.
type Matcher struct {
	src  string
	prog *program
}

// Compile compiles a pattern (syntax in docs/rules.md). defs holds the
// macros that @NAME may refer to; it may be nil. A pattern must consume at
// least one token on every match; errors are *PatternError when they sit
// at a place in the pattern.
func Compile(pattern string, defs map[string]string) (*Matcher, error) {
	t := &macroTable{src: defs}
	n, err := parsePattern(pattern, t.resolve)
	if err != nil {
		return nil, err
	}
	return compileNode(pattern, n)
}

// compileNode checks and compiles a parsed pattern.
func compileNode(src string, n *node) (*Matcher, error) {
	// Compile first: it stops at maxInsts, which also bounds the walk of
	// nullable over macros that expand exponentially.
	prog, err := compile(n)
	if err != nil {
		return nil, &PatternError{Msg: err.Error()}
	}
	if nullable(n) {
		return nil, &PatternError{Msg: "pattern can match zero tokens; every match must cover at least one token"}
	}
	return &Matcher{src: src, prog: prog}, nil
}

// String returns the pattern source.
func (m *Matcher) String() string { return m.src }

// Captures returns the names of the pattern's captures in order of first
// appearance.
func (m *Matcher) Captures() []string { return append([]string(nil), m.prog.names...) }

// hasCapture reports whether the pattern defines capture name.
func (m *Matcher) hasCapture(name string) bool {
	for _, n := range m.prog.names {
		if n == name {
			return true
		}
	}
	return false
}

// FindAll returns the leftmost-first, non-overlapping matches of m in toks,
// in order. Match.Rule is nil.
func (m *Matcher) FindAll(toks []Token) []Match {
	ms, _ := m.findAll(toks, nil)
	return ms
}

// findAll is FindAll that also returns the number of VM steps taken.
func (m *Matcher) findAll(toks []Token, r *Rule) ([]Match, int) {
	mach := m.prog.getMachine(len(toks))
	raw := m.prog.findAll(toks, mach)
	steps := mach.steps
	m.prog.pool.Put(mach)
	if len(raw) == 0 {
		return nil, steps
	}
	out := make([]Match, len(raw))
	for i, x := range raw {
		out[i] = Match{Rule: r, Start: x.start, End: x.end}
		for k, name := range m.prog.names {
			s, e := x.caps[2*k], x.caps[2*k+1]
			if s < 0 || e < 0 {
				continue
			}
			if out[i].Captures == nil {
				out[i].Captures = make(map[string]Span, len(m.prog.names))
			}
			out[i].Captures[name] = Span{s, e}
		}
	}
	return out, steps
}

// macroTable resolves @NAME to the parsed macro, parsing each once.
type macroTable struct {
	src    map[string]string
	parsed map[string]*node
	busy   map[string]bool
}

// resolve parses macro name on first use and detects cycles.
func (t *macroTable) resolve(name string) (*node, error) {
	if n, ok := t.parsed[name]; ok {
		return n, nil
	}
	src, ok := t.src[name]
	if !ok {
		return nil, fmt.Errorf("unknown macro @%s%s", name, t.known())
	}
	if t.busy[name] {
		return nil, fmt.Errorf("macro @%s refers to itself", name)
	}
	if t.busy == nil {
		t.busy = map[string]bool{}
		t.parsed = map[string]*node{}
	}
	t.busy[name] = true
	n, err := parsePattern(src, t.resolve)
	delete(t.busy, name)
	if err != nil {
		return nil, fmt.Errorf("in macro @%s: %v", name, err)
	}
	t.parsed[name] = n
	return n, nil
}

// known lists the defined macros for an error message.
func (t *macroTable) known() string {
	if len(t.src) == 0 {
		return " (no macros are defined)"
	}
	names := make([]string, 0, len(t.src))
	for n := range t.src {
		names = append(names, "@"+n)
	}
	sort.Strings(names)
	return " (defined: " + strings.Join(names, ", ") + ")"
}

// Emit says what a rule's match produces. The extractor gives the slots
// their meaning; the engine only checks that they refer to real captures.
type Emit struct {
	// Kind is one of relation, event, quote, attribution, modality, mention.
	Kind string
	// Type is the relation, event or mention type (leader_of, attack, PERSON).
	Type string
	// Args maps a slot (subject, object, speaker …) to the name of the
	// capture that fills it.
	Args map[string]string
	// Set maps a slot to a literal value (role: chief, modality: hedged).
	Set map[string]string
	// Confidence is the rule's confidence in (0, 1]; 0 when the file does
	// not state one, and the extractor picks its default.
	Confidence float64
}

// Example is a sentence and the claims a rule set must (or must not) make
// from it; the extractor's tests run them through the NLP pipeline.
type Example struct {
	// Text is the sentence.
	Text string
	// Expect holds claim strings: "leader_of(Masood Azhar, JeM)" must be
	// extracted, "!leader_of(_, JeM)" must not.
	Expect []string
	// Claims is Expect parsed.
	Claims []Claim
	// Line is where the example starts in its file.
	Line int
}

// Rule is one named pattern with what it emits and its examples. Rules
// come compiled from ParseFile, LoadDir or NewRule; changing Pattern
// afterwards does not recompile the rule.
type Rule struct {
	// Name is unique across a RuleSet.
	Name string
	// Description says in words what the rule finds.
	Description string
	// Priority orders matches that start at the same token: higher first.
	Priority int
	// File and Line say where the rule is written.
	File string
	Line int
	// Pattern is the pattern source as written.
	Pattern string
	// Emit says what a match produces.
	Emit Emit
	// Examples are the rule's test sentences.
	Examples []Example

	matcher *Matcher
}

// NewRule compiles a rule built in code; the rule's Emit arguments must
// name captures of the pattern. File and Line may be left empty.
func NewRule(r Rule, defs map[string]string) (*Rule, error) {
	m, err := Compile(r.Pattern, defs)
	if err != nil {
		return nil, fmt.Errorf("rule %q: pattern: %w", r.Name, err)
	}
	if err := checkEmit(&r.Emit, m); err != nil {
		return nil, fmt.Errorf("rule %q: %w", r.Name, err)
	}
	r.matcher = m
	return &r, nil
}

// checkEmit validates an emit section against the compiled pattern.
func checkEmit(e *Emit, m *Matcher) error {
	if !validKind(e.Kind) {
		return fmt.Errorf("emit: unknown kind %q (want one of %s)", e.Kind, strings.Join(kinds, ", "))
	}
	for _, slot := range sortedKeys(e.Args) {
		if c := e.Args[slot]; !m.hasCapture(c) {
			return fmt.Errorf("emit: args: %s refers to capture %q, which the pattern does not define%s", slot, c, captureList(m))
		}
		if _, dup := e.Set[slot]; dup {
			return fmt.Errorf("emit: slot %s is in both args and set", slot)
		}
	}
	if e.Confidence < 0 || e.Confidence > 1 {
		return fmt.Errorf("emit: confidence %g outside (0, 1]", e.Confidence)
	}
	return nil
}

// captureList names the pattern's captures for an error message.
func captureList(m *Matcher) string {
	if len(m.prog.names) == 0 {
		return " (it has no captures; write (?<name> …))"
	}
	return " (captures: " + strings.Join(m.prog.names, ", ") + ")"
}

func validKind(k string) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Captures returns the names of the rule's captures.
func (r *Rule) Captures() []string { return r.matcher.Captures() }

// FindAll returns the rule's leftmost-first, non-overlapping matches in
// toks, in order of position.
func (r *Rule) FindAll(toks []Token) []Match {
	ms, _ := r.matcher.findAll(toks, r)
	return ms
}

// Match is one match of a rule in a sentence.
type Match struct {
	// Rule is the rule that matched (nil for Matcher.FindAll).
	Rule *Rule
	// Start and End are token indices, End exclusive.
	Start, End int
	// Captures maps each capture that took part in the match to its
	// tokens; a capture inside a repeated group holds its last iteration.
	Captures map[string]Span
}

// Span returns the matched tokens.
func (m Match) Span() Span { return Span{m.Start, m.End} }

// String writes the match as "rule[start:end] capture=start:end …" with
// captures in name order, for logs and test failures.
func (m Match) String() string {
	var b strings.Builder
	if m.Rule != nil {
		b.WriteString(m.Rule.Name)
	}
	fmt.Fprintf(&b, "[%d:%d]", m.Start, m.End)
	names := make([]string, 0, len(m.Captures))
	for n := range m.Captures {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := m.Captures[n]
		fmt.Fprintf(&b, " %s=%d:%d", n, c.Start, c.End)
	}
	return b.String()
}

// Arg returns the tokens that fill an emit slot (Emit.Args) of the rule.
func (m Match) Arg(slot string) (Span, bool) {
	if m.Rule == nil {
		return Span{}, false
	}
	c, ok := m.Rule.Emit.Args[slot]
	if !ok {
		return Span{}, false
	}
	s, ok := m.Captures[c]
	return s, ok
}

// RuleSet is a list of compiled rules with unique names.
type RuleSet struct {
	Rules []*Rule
}

// Lookup returns the rule called name, or nil.
func (rs *RuleSet) Lookup(name string) *Rule {
	for _, r := range rs.Rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// FindAll runs every rule over toks. Each rule contributes its own
// non-overlapping matches (matches of different rules may overlap); the
// result is sorted by start, then by higher priority, then by rule order.
func (rs *RuleSet) FindAll(toks []Token) []Match {
	var out []Match
	for _, r := range rs.Rules {
		out = append(out, r.FindAll(toks)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].Rule.Priority > out[j].Rule.Priority
	})
	return out
}

// Merge returns one set holding the rules of sets in order. A rule whose
// name is already present replaces the earlier rule in its place, so a
// user's rule directory merged after the built-in rules can override a
// built-in rule by reusing its name. The sets are not modified.
func Merge(sets ...*RuleSet) *RuleSet {
	out := &RuleSet{}
	at := map[string]int{}
	for _, s := range sets {
		if s == nil {
			continue
		}
		for _, r := range s.Rules {
			if i, ok := at[r.Name]; ok {
				out.Rules[i] = r
				continue
			}
			at[r.Name] = len(out.Rules)
			out.Rules = append(out.Rules, r)
		}
	}
	return out
}
