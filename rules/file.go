package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// LoadError is one problem in a rule file, at a line.
type LoadError struct {
	// File is the file name as given to ParseFile (or dir/name for LoadDir).
	File string
	// Line is the 1-based line of the problem, 0 when unknown.
	Line int
	// Msg says what is wrong.
	Msg string
}

// Error returns "file:line: problem".
func (e *LoadError) Error() string {
	if e.Line <= 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// maxErrors is how many problems one file reports before giving up.
const maxErrors = 20

// Known keys, in the order error messages list them.
var (
	fileKeys    = []string{"define", "rules"}
	ruleKeys    = []string{"name", "description", "priority", "pattern", "emit", "examples"}
	emitKeys    = []string{"kind", "type", "args", "set", "confidence"}
	exampleKeys = []string{"text", "expect"}
)

// loader collects the problems of one file.
type loader struct {
	file string
	errs []error
}

func (l *loader) errorf(line int, format string, args ...any) {
	if len(l.errs) < maxErrors {
		l.errs = append(l.errs, &LoadError{File: l.file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
}

func (l *loader) err() error { return errors.Join(l.errs...) }

// yamlLine pulls the line number out of a YAML parser message.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// maxProbeLines bounds the search for a YAML error's line.
const maxProbeLines = 2000

// yamlProblem returns the line and text of a YAML syntax error. The YAML
// parser reports the line where the enclosing block began, which can be
// far above the mistake; the first prefix of whole lines that fails with
// the same problem ends at the line of the mistake.
func yamlProblem(src []byte, err error) (int, string) {
	line, msg := yamlProblemLine(src, err)
	if lines := strings.Split(string(src), "\n"); line > 0 && line <= len(lines) && unquotedPattern.MatchString(lines[line-1]) {
		msg += " (put patterns in single quotes: pattern: '[lemma=say] \"that\"', or use a block: pattern: |)"
	}
	return line, msg
}

// unquotedPattern matches a line whose pattern starts with a character
// that YAML reads as syntax.
var unquotedPattern = regexp.MustCompile(`^\s*(-\s+)?(pattern|[A-Z][A-Z0-9_]*):\s+[\["@]`)

// yamlProblemLine finds the line and text of a YAML syntax error.
func yamlProblemLine(src []byte, err error) (int, string) {
	line, msg := splitYAMLError(err)
	lines := strings.SplitAfter(string(src), "\n")
	if len(lines) > maxProbeLines {
		return line, msg
	}
	// The mistake is at or after the reported line: probe from there.
	var prefix strings.Builder
	for k, ln := range lines {
		prefix.WriteString(ln)
		if k+1 < line {
			continue
		}
		var n yaml.Node
		if perr := yaml.Unmarshal([]byte(prefix.String()), &n); perr != nil {
			if _, m := splitYAMLError(perr); m == msg {
				return k + 1, msg
			}
		}
	}
	return line, msg
}

// splitYAMLError splits "yaml: line N: problem" into N and problem.
func splitYAMLError(err error) (int, string) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, m[2]
	}
	return 0, strings.TrimPrefix(msg, "yaml: ")
}

// ParseFile parses and compiles one rule file. name is used in errors and
// Rule.File. The error, if any, joins one *LoadError per problem found
// (up to 20), each printed as "name:line: problem".
func ParseFile(name string, src []byte) (*RuleSet, error) {
	l := &loader{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := yamlProblem(src, err)
		l.errorf(line, "YAML syntax: %s", msg)
		return nil, l.err()
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		l.errorf(1, "empty rule file: want a mapping with keys define (optional) and rules")
		return nil, l.err()
	}
	root := deref(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		l.errorf(root.Line, "want a mapping with keys define (optional) and rules, found %s", kindName(root))
		return nil, l.err()
	}
	var defsNode, rulesNode *yaml.Node
	l.fields(root, "file", fileKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "define":
			defsNode = v
		case "rules":
			rulesNode = v
		}
	})
	macros := l.defines(defsNode)
	if rulesNode == nil {
		l.errorf(root.Line, "missing key rules")
		return nil, l.err()
	}
	if rulesNode.Kind != yaml.SequenceNode {
		l.errorf(rulesNode.Line, "rules: want a list of rules (each starting with \"- name:\"), found %s", kindName(rulesNode))
		return nil, l.err()
	}
	set := &RuleSet{}
	seen := map[string]int{}
	for _, rn := range rulesNode.Content {
		r := l.rule(deref(rn), macros)
		if r == nil {
			continue
		}
		if first, dup := seen[r.Name]; dup {
			l.errorf(r.Line, "duplicate rule name %q (first defined at line %d)", r.Name, first)
			continue
		}
		seen[r.Name] = r.Line
		set.Rules = append(set.Rules, r)
	}
	if len(rulesNode.Content) == 0 {
		l.errorf(rulesNode.Line, "rules: the list is empty")
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return set, nil
}

// fields walks a mapping, rejecting unknown and repeated keys, and calls f
// for each known one.
func (l *loader) fields(m *yaml.Node, what string, known []string, f func(key string, k, v *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], deref(m.Content[i+1])
		key := k.Value
		if first, dup := seen[key]; dup {
			l.errorf(k.Line, "%s: key %q repeated (first at line %d)", what, key, first)
			continue
		}
		seen[key] = k.Line
		if !contains(known, key) {
			l.errorf(k.Line, "%s: unknown key %q%s (known: %s)", what, key, suggest(key, known), strings.Join(known, ", "))
			continue
		}
		f(key, k, v)
	}
}

// defines reads the define: section and checks every macro.
func (l *loader) defines(n *yaml.Node) *macroTable {
	t := &macroTable{src: map[string]string{}}
	if n == nil {
		return t
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(n.Line, "define: want a mapping of NAME: pattern, found %s", kindName(n))
		return t
	}
	lines := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if !isWord(k.Value) {
			l.errorf(k.Line, "define: bad macro name %q: want letters, digits and _, starting with a letter", k.Value)
			continue
		}
		if first, dup := lines[k.Value]; dup {
			l.errorf(k.Line, "define: macro %s repeated (first at line %d)", k.Value, first)
			continue
		}
		s, ok := l.str(v, "define: "+k.Value)
		if !ok {
			continue
		}
		lines[k.Value] = k.Line
		t.src[k.Value] = s
	}
	for _, name := range sortedKeys(t.src) {
		if _, err := t.resolve(name); err != nil {
			l.errorf(lines[name], "define: %s: %s", name, strings.TrimPrefix(err.Error(), "in macro @"+name+": "))
		}
	}
	return t
}

// rule reads one entry of rules:.
func (l *loader) rule(n *yaml.Node, macros *macroTable) *Rule {
	if n.Kind != yaml.MappingNode {
		l.errorf(n.Line, "rules: each rule is a mapping with name, pattern and emit, found %s", kindName(n))
		return nil
	}
	before := len(l.errs)
	r := &Rule{File: l.file, Line: n.Line}
	label := "rule"
	for i := 0; i+1 < len(n.Content); i += 2 {
		if v := deref(n.Content[i+1]); n.Content[i].Value == "name" && v.Kind == yaml.ScalarNode && v.Value != "" {
			label = fmt.Sprintf("rule %q", v.Value)
		}
	}
	var patNode, emitNode, exNode *yaml.Node
	l.fields(n, label, ruleKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			if s, ok := l.str(v, label+": name"); ok {
				if !isRuleName(s) {
					l.errorf(v.Line, "name %q: want letters, digits, _ - and .", s)
				}
				r.Name = s
			}
		case "description":
			r.Description, _ = l.str(v, label+": description")
		case "priority":
			if s, ok := l.str(v, label+": priority"); ok {
				p, err := strconv.Atoi(s)
				if err != nil {
					l.errorf(v.Line, "%s: priority: want an integer, found %q", label, s)
				}
				r.Priority = p
			}
		case "pattern":
			if s, ok := l.str(v, label+": pattern"); ok {
				patNode = v
				r.Pattern = s
			} else {
				patNode = &yaml.Node{} // reported; not missing
			}
		case "emit":
			emitNode = v
		case "examples":
			exNode = v
		}
	})
	if r.Name == "" {
		l.errorf(n.Line, "rule: missing name")
	}
	if patNode == nil {
		l.errorf(n.Line, "%s: missing pattern", label)
	} else if patNode.Kind == yaml.ScalarNode {
		m, err := compileWith(r.Pattern, macros)
		var pe *PatternError
		switch {
		case errors.As(err, &pe) && strings.HasPrefix(pe.Msg, "in macro @"):
			// The macro's own error is reported at its define line.
		case errors.As(err, &pe) && pe.Column == 0:
			l.errorf(patNode.Line, "%s: pattern: %s", label, pe.Msg)
		case errors.As(err, &pe):
			line, col := patternPos(patNode, r.Pattern, pe.Offset)
			l.errorf(line, "%s: pattern: col %d: %s", label, col, pe.Msg)
		case err != nil:
			l.errorf(patNode.Line, "%s: pattern: %v", label, err)
		default:
			r.matcher = m
		}
	}
	if emitNode == nil {
		l.errorf(n.Line, "%s: missing emit", label)
	} else {
		l.emit(emitNode, r, label)
	}
	if exNode != nil {
		l.examples(exNode, r, label)
	}
	if len(l.errs) > before || r.matcher == nil {
		return nil
	}
	return r
}

// compileWith compiles a rule pattern with the file's macros.
func compileWith(src string, t *macroTable) (*Matcher, error) {
	n, err := parsePattern(src, t.resolve)
	if err != nil {
		return nil, err
	}
	return compileNode(src, n)
}

// patternPos turns a byte offset in a pattern into a file line and a
// column within the pattern's line. Block scalars (| and >) start on the
// line after the key; a literal block keeps its line breaks, so the line
// is exact there; for other styles it is the line of the pattern's start.
func patternPos(n *yaml.Node, src string, off int) (line, col int) {
	if off > len(src) {
		off = len(src)
	}
	line = n.Line
	lineStart := 0
	if n.Style&yaml.LiteralStyle != 0 {
		line++
		lineStart = strings.LastIndexByte(src[:off], '\n') + 1
		line += strings.Count(src[:off], "\n")
	} else if n.Style&yaml.FoldedStyle != 0 {
		line++
	}
	return line, len([]rune(src[lineStart:off])) + 1
}

// emit reads a rule's emit: section and checks it against the pattern.
func (l *loader) emit(n *yaml.Node, r *Rule, label string) {
	if n.Kind != yaml.MappingNode {
		l.errorf(n.Line, "%s: emit: want a mapping with kind, type and args, found %s", label, kindName(n))
		return
	}
	e := &r.Emit
	l.fields(n, label+": emit", emitKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "kind":
			if s, ok := l.str(v, label+": emit: kind"); ok {
				if !validKind(s) {
					l.errorf(v.Line, "%s: emit: unknown kind %q%s (want one of %s)", label, s, suggest(s, kinds), strings.Join(kinds, ", "))
				}
				e.Kind = s
			}
		case "type":
			e.Type, _ = l.str(v, label+": emit: type")
		case "args":
			e.Args = l.strMap(v, label+": emit: args")
			for _, slot := range sortedKeys(e.Args) {
				if r.matcher != nil && !r.matcher.hasCapture(e.Args[slot]) {
					l.errorf(line(v, slot), "%s: emit: args: %s refers to capture %q, which the pattern does not define%s", label, slot, e.Args[slot], captureList(r.matcher))
				}
			}
		case "set":
			e.Set = l.strMap(v, label+": emit: set")
		case "confidence":
			if s, ok := l.str(v, label+": emit: confidence"); ok {
				c, err := strconv.ParseFloat(s, 64)
				if err != nil || c <= 0 || c > 1 {
					l.errorf(v.Line, "%s: emit: confidence %q: want a number in (0, 1]", label, s)
				}
				e.Confidence = c
			}
		}
	})
	if e.Kind == "" {
		l.errorf(n.Line, "%s: emit: missing kind (one of %s)", label, strings.Join(kinds, ", "))
	}
	if e.Type == "" && e.Kind != KindQuote && e.Kind != KindAttribution && validKind(e.Kind) {
		l.errorf(n.Line, "%s: emit: missing type (a %s rule says which %s it finds)", label, e.Kind, e.Kind)
	}
	for _, slot := range sortedKeys(e.Set) {
		if _, dup := e.Args[slot]; dup {
			l.errorf(line(n, "set"), "%s: emit: slot %s is in both args and set", label, slot)
		}
	}
}

// examples reads a rule's examples: list.
func (l *loader) examples(n *yaml.Node, r *Rule, label string) {
	if n.Kind != yaml.SequenceNode {
		l.errorf(n.Line, "%s: examples: want a list of {text, expect}, found %s", label, kindName(n))
		return
	}
	for _, en := range n.Content {
		en = deref(en)
		if en.Kind != yaml.MappingNode {
			l.errorf(en.Line, "%s: examples: each example is a mapping with text and expect, found %s", label, kindName(en))
			continue
		}
		ex := Example{Line: en.Line}
		var expNode *yaml.Node
		l.fields(en, label+": example", exampleKeys, func(key string, k, v *yaml.Node) {
			switch key {
			case "text":
				ex.Text, _ = l.str(v, label+": example: text")
			case "expect":
				expNode = v
			}
		})
		if strings.TrimSpace(ex.Text) == "" {
			l.errorf(en.Line, "%s: example: missing text", label)
		}
		var items []*yaml.Node
		if expNode != nil {
			switch expNode.Kind {
			case yaml.ScalarNode:
				items = []*yaml.Node{expNode}
			case yaml.SequenceNode:
				items = expNode.Content
			default:
				l.errorf(expNode.Line, "%s: example: expect: want a list of claims like leader_of(A, B)", label)
				continue
			}
		}
		if len(items) == 0 {
			l.errorf(en.Line, "%s: example has no expectation: add expect: [\"type(arg, arg)\"] or a negated \"!type(_, _)\"", label)
			continue
		}
		for _, it := range items {
			s, ok := l.str(deref(it), label+": example: expect")
			if !ok {
				continue
			}
			c, err := ParseClaim(s)
			if err != nil {
				l.errorf(it.Line, "%s: example: %v", label, err)
				continue
			}
			ex.Expect = append(ex.Expect, s)
			ex.Claims = append(ex.Claims, c)
		}
		r.Examples = append(r.Examples, ex)
	}
}

// str returns a scalar's value, or reports that n is not a scalar.
func (l *loader) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		l.errorf(n.Line, "%s: want a single value, found %s", what, kindName(n))
		return "", false
	}
	if n.Tag == "!!null" {
		l.errorf(n.Line, "%s: empty value", what)
		return "", false
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		l.errorf(n.Line, "%s: a value starting with ! must be quoted: '%s %s'", what, n.Tag, n.Value)
		return "", false
	}
	return n.Value, true
}

// strMap reads a mapping of scalars.
func (l *loader) strMap(n *yaml.Node, what string) map[string]string {
	if n.Kind != yaml.MappingNode {
		l.errorf(n.Line, "%s: want a mapping of slot: value, found %s", what, kindName(n))
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if _, dup := out[k.Value]; dup {
			l.errorf(k.Line, "%s: slot %s repeated", what, k.Value)
			continue
		}
		if s, ok := l.str(v, what+": "+k.Value); ok {
			out[k.Value] = s
		}
	}
	return out
}

// line returns the line of key in mapping n, or n's line.
func line(n *yaml.Node, key string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i].Line
		}
	}
	return n.Line
}

// deref follows YAML aliases (*name) to the node they stand for.
func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// kindName names a node's kind for error messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "nothing"
}

// isRuleName reports whether s can name a rule.
func isRuleName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isIdent(c) && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns ` (did you mean "x"?)` for the known word closest to s.
func suggest(s string, known []string) string {
	best, bestD := "", 1<<30
	for _, k := range known {
		if d := editDistance(strings.ToLower(s), k); d <= 1+len(k)/3 && d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// LoadDir parses every *.yaml and *.yml file directly in dir of fsys
// (hidden files, whose names start with a dot, excepted), in name order, and returns their rules in that order. Rule names must be
// unique across the files. Problems of all files are reported together.
func LoadDir(fsys fs.FS, dir string) (*RuleSet, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("load rules from %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		hidden := strings.HasPrefix(e.Name(), ".")
		if !e.IsDir() && !hidden && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("load rules from %s: no rule files (*.yaml)", dir)
	}
	set := &RuleSet{}
	where := map[string]*Rule{}
	var errs []error
	for _, name := range names {
		file := path.Join(dir, name)
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs = append(errs, fmt.Errorf("load rules: %w", err))
			continue
		}
		s, err := ParseFile(file, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, r := range s.Rules {
			if first, dup := where[r.Name]; dup {
				errs = append(errs, &LoadError{File: r.File, Line: r.Line, Msg: fmt.Sprintf("duplicate rule name %q (first defined at %s:%d)", r.Name, first.File, first.Line)})
				continue
			}
			where[r.Name] = r
			set.Rules = append(set.Rules, r)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return set, nil
}
