package rules

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseFileErrors(t *testing.T) {
	tests := []struct {
		file string
		want []string // one line per problem
	}{
		{"yaml_syntax.yaml", []string{`yaml_syntax.yaml:4: YAML syntax: did not find expected '-' indicator`}},
		{"unknown_key.yaml", []string{
			`unknown_key.yaml:3: rule "typo": unknown key "patern" (did you mean "pattern"?) (known: name, description, priority, pattern, emit, examples)`,
			`unknown_key.yaml:2: rule "typo": missing pattern`,
		}},
		{"missing_pattern.yaml", []string{`missing_pattern.yaml:2: rule "no_pattern": missing pattern`}},
		{"missing_name.yaml", []string{`missing_name.yaml:2: rule: missing name`}},
		{"duplicate_name.yaml", []string{`duplicate_name.yaml:6: duplicate rule name "twice" (first defined at line 2)`}},
		{"pattern_syntax.yaml", []string{`pattern_syntax.yaml:3: rule "unbalanced": pattern: col 1: unclosed group: missing ')'`}},
		{"unknown_attribute.yaml", []string{`unknown_attribute.yaml:3: rule "lema": pattern: col 2: unknown attribute "lema" (known: word, lower, lemma, pos (tag), chunk, ent (entity), gaz, mention)`}},
		{"bad_regexp.yaml", []string{`bad_regexp.yaml:3: rule "regexp": pattern: col 6: bad regexp /^NN(P/: missing closing ): ^NN(P`}},
		{"unknown_capture.yaml", []string{`unknown_capture.yaml:9: rule "capture": emit: args: object refers to capture "group", which the pattern does not define (captures: leader, org)`}},
		{"unknown_kind.yaml", []string{`unknown_kind.yaml:4: rule "kind": emit: unknown kind "relashun" (did you mean "relation"?) (want one of relation, event, quote, attribution, modality, mention)`}},
		{"no_expectation.yaml", []string{`no_expectation.yaml:6: rule "examples": example has no expectation: add expect: ["type(arg, arg)"] or a negated "!type(_, _)"`}},
		{"bad_claim.yaml", []string{`bad_claim.yaml:8: rule "claim": example: claim "person(Ajit Doval": want type(arg, …)`}},
		{"bad_macro.yaml", []string{`bad_macro.yaml:3: define: BROKEN: col 1: unclosed token test: missing ']'`}},
		{"literal_block.yaml", []string{`literal_block.yaml:6: rule "multi_line": pattern: col 27: unbalanced ')'`}},
		{"empty.yaml", []string{`empty.yaml:1: empty rule file: want a mapping with keys define (optional) and rules`}},
		{"not_a_list.yaml", []string{`not_a_list.yaml:2: rules: want a list of rules (each starting with "- name:"), found a mapping`}},
		{"nullable.yaml", []string{`nullable.yaml:3: rule "optional_everything": pattern: pattern can match zero tokens; every match must cover at least one token`}},
		{"many_problems.yaml", []string{
			`many_problems.yaml:4: rule "first": emit: missing type (a mention rule says which mention it finds)`,
			`many_problems.yaml:6: rule "second": priority: want an integer, found "high"`,
			`many_problems.yaml:8: rule "second": emit: confidence "2": want a number in (0, 1]`,
		}},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.file] = true
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "bad", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			set, err := ParseFile(tt.file, src)
			if err == nil {
				t.Fatalf("ParseFile(%s) = %d rules, want errors", tt.file, len(set.Rules))
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseFile(%s) errors:\n got %q\nwant %q", tt.file, got, tt.want)
			}
			var le *LoadError
			if !errors.As(err, &le) || le.File != tt.file || le.Line <= 0 {
				t.Errorf("ParseFile(%s): first error %#v, want a *LoadError with file and line", tt.file, le)
			}
		})
	}
	// Every file in testdata/bad has a case.
	files, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("%s has no test case", f)
		}
	}
}

func TestParseFileInline(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"top level list", "- name: x\n", `t.yaml:1: want a mapping with keys define (optional) and rules, found a list`},
		{"unknown top key", "rule:\n  - name: x\n", "t.yaml:1: file: unknown key \"rule\" (did you mean \"rules\"?) (known: define, rules)\nt.yaml:1: missing key rules"},
		{"empty rules", "rules: []\n", `t.yaml:1: rules: the list is empty`},
		{"repeated key", "rules:\n  - name: a\n    name: b\n    pattern: '\"a\"'\n    emit: {kind: mention, type: MISC}\n", `t.yaml:3: rule "b": key "name" repeated (first at line 2)`},
		{"bad rule name", "rules:\n  - name: has space\n    pattern: '\"a\"'\n    emit: {kind: mention, type: MISC}\n", `t.yaml:2: name "has space": want letters, digits, _ - and .`},
		{"pattern not a string", "rules:\n  - name: a\n    pattern: [1, 2]\n    emit: {kind: mention, type: MISC}\n", `t.yaml:3: rule "a": pattern: want a single value, found a list`},
		{"unquoted pattern", "rules:\n  - name: a\n    pattern: [lemma=say] \"that\"\n    emit: {kind: mention, type: MISC}\n", `t.yaml:3: YAML syntax: did not find expected key (put patterns in single quotes: pattern: '[lemma=say] "that"', or use a block: pattern: |)`},
		{"unquoted negated claim", "rules:\n  - name: a\n    pattern: '\"a\"'\n    emit: {kind: mention, type: MISC}\n    examples:\n      - text: A b.\n        expect: !leader_of(a, b)\n", `t.yaml:7: rule "a": example: expect: a value starting with ! must be quoted: '!leader_of(a, b)'`},
		{"unclosed quote", "rules:\n  - name: a\n    pattern: '\"a\"\n    emit: {kind: mention, type: MISC}\n", `t.yaml:3: YAML syntax: found unexpected end of stream`},
		{"emit not a mapping", "rules:\n  - name: a\n    pattern: '\"a\"'\n    emit: relation\n", `t.yaml:4: rule "a": emit: want a mapping with kind, type and args, found the value "relation"`},
		{"unknown emit key", "rules:\n  - name: a\n    pattern: '(?<x>\"a\")'\n    emit: {kind: mention, type: MISC, arg: {name: x}}\n", `t.yaml:4: rule "a": emit: unknown key "arg" (did you mean "args"?) (known: kind, type, args, set, confidence)`},
		{"slot in args and set", "rules:\n  - name: a\n    pattern: '(?<x>\"a\")'\n    emit:\n      kind: mention\n      type: MISC\n      args: {name: x}\n      set: {name: y}\n", `t.yaml:8: rule "a": emit: slot name is in both args and set`},
		{"pattern with no captures", "rules:\n  - name: a\n    pattern: '\"a\"'\n    emit: {kind: relation, type: r, args: {subject: s}}\n", `t.yaml:4: rule "a": emit: args: subject refers to capture "s", which the pattern does not define (it has no captures; write (?<name> …))`},
		{"unknown macro", "define:\n  A: '\"a\"'\nrules:\n  - name: a\n    pattern: '\"x\" @B'\n    emit: {kind: mention, type: MISC}\n", `t.yaml:5: rule "a": pattern: col 5: unknown macro @B (defined: @A)`},
		{"macro cycle", "define:\n  A: '@B'\n  B: '\"b\" @A'\nrules:\n  - name: a\n    pattern: '@A'\n    emit: {kind: mention, type: MISC}\n", "t.yaml:2: define: A: col 1: in macro @B: col 5: macro @A refers to itself\nt.yaml:3: define: B: col 5: in macro @A: col 1: macro @B refers to itself"},
		{"bad macro name", "define:\n  9A: '\"a\"'\nrules:\n  - name: a\n    pattern: '\"a\"'\n    emit: {kind: mention, type: MISC}\n", `t.yaml:2: define: bad macro name "9A": want letters, digits and _, starting with a letter`},
		{"example without text", "rules:\n  - name: a\n    pattern: '\"a\"'\n    emit: {kind: mention, type: MISC}\n    examples:\n      - expect: ['mention(a)']\n", `t.yaml:6: rule "a": example: missing text`},
		{"empty pattern value", "rules:\n  - name: a\n    pattern:\n    emit: {kind: mention, type: MISC}\n", `t.yaml:3: rule "a": pattern: empty value`},
		{"folded pattern", "rules:\n  - name: a\n    pattern: >\n      \"a\"\n      [pos=]\n    emit: {kind: mention, type: MISC}\n", `t.yaml:4: rule "a": pattern: col 10: missing value (quote values with special characters: "a|b")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFile("t.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("ParseFile succeeded, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("ParseFile error\n got %q\nwant %q", err.Error(), tt.want)
			}
		})
	}
}

func TestParseFileContents(t *testing.T) {
	src, err := os.ReadFile("testdata/good/leaders.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := ParseFile("leaders.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Rules) != 2 {
		t.Fatalf("got %d rules, want 2", len(set.Rules))
	}
	r := set.Lookup("leader_appositive")
	if r == nil {
		t.Fatal("leader_appositive not found")
	}
	wantEmit := Emit{Kind: KindRelation, Type: "leader_of", Args: map[string]string{"subject": "leader", "object": "group"}, Set: map[string]string{"role": "chief"}, Confidence: 0.9}
	if !reflect.DeepEqual(r.Emit, wantEmit) {
		t.Errorf("Emit = %+v, want %+v", r.Emit, wantEmit)
	}
	if r.File != "leaders.yaml" || r.Line != 8 || r.Priority != 10 || !strings.HasPrefix(r.Description, "A person followed") {
		t.Errorf("rule header = %q line %d priority %d description %q", r.File, r.Line, r.Priority, r.Description)
	}
	if !reflect.DeepEqual(r.Captures(), []string{"leader", "group"}) {
		t.Errorf("Captures = %q", r.Captures())
	}
	wantEx := []Example{
		{Text: "Masood Azhar, the chief of Jaish-e-Mohammed, was not seen in public.", Expect: []string{"leader_of(Masood Azhar, Jaish-e-Mohammed)"},
			Claims: []Claim{{Type: "leader_of", Args: []string{"Masood Azhar", "Jaish-e-Mohammed"}}}, Line: 22},
		{Text: "Hafiz Rahman, a spokesman for the Tehreek Front, denied the report.", Expect: []string{"!leader_of(_, Tehreek Front)"},
			Claims: []Claim{{Negated: true, Type: "leader_of", Args: []string{"_", "Tehreek Front"}}}, Line: 24},
	}
	if !reflect.DeepEqual(r.Examples, wantEx) {
		t.Errorf("Examples =\n%+v\nwant\n%+v", r.Examples, wantEx)
	}

	toks := sent(`Masood|ent=PERSON Azhar|ent=PERSON ,|pos=, the|pos=DT self-styled|pos=JJ chief|pos=NN of|pos=IN Jaish-e-Mohammed|ent=ORG ,|pos=, Lashkar|ent=B-ORG chief|pos=NN Hafiz|ent=B-PERSON Saeed|ent=I-PERSON`)
	ms := set.FindAll(toks)
	if got := show(ms); got != "0-8{group=7-8 leader=0-2} 9-13{group=9-10 leader=11-13}" {
		t.Errorf("FindAll = %s", got)
	}
	if got := ms[1].String(); got != "leader_premodifier[9:13] group=9:10 leader=11:13" {
		t.Errorf("String() = %q", got)
	}
	if s, ok := ms[0].Arg("subject"); !ok || s != (Span{0, 2}) {
		t.Errorf("Arg(subject) = %v %v", s, ok)
	}
	if _, ok := ms[0].Arg("role"); ok {
		t.Errorf("Arg(role) found a capture for a literal slot")
	}
}

func TestLoadDir(t *testing.T) {
	set, err := LoadDir(os.DirFS("testdata"), "good")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range set.Rules {
		names = append(names, r.File+":"+r.Name)
		if len(r.Examples) == 0 {
			t.Errorf("%s has no examples", r.Name)
		}
	}
	want := []string{
		"good/events.yaml:attack_by_group", "good/events.yaml:attack_in_place",
		"good/leaders.yaml:leader_appositive", "good/leaders.yaml:leader_premodifier",
		"good/modality.yaml:hedge_reportedly",
		"good/quotes.yaml:quote_cue_after", "good/quotes.yaml:told_outlet",
	}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("rules = %q\nwant %q", names, want)
	}

	quote := sent(`"|pos=` + "``" + ` We|pos=PRP will|pos=MD not|pos=RB be|pos=VB intimidated|pos=VBN ,|pos=, "|pos='' Reuven|ent=PERSON Azar|ent=PERSON said|pos=VBD|lemma=say on|pos=IN Thursday|pos=NNP .|pos=.`)
	if got := show(set.FindAll(quote)); got != "0-11{cue=10-11 speaker=8-10 text=1-6}" {
		t.Errorf("quote FindAll = %s", got)
	}
	attack := sent(`Hizbul|ent=ORG Mujahideen|ent=ORG attacked|pos=VBD|lemma=attack the|pos=DT convoy|pos=NN near|pos=IN Anantnag|pos=NNP|ent=GPE`)
	if got := show(set.FindAll(attack)); got != "0-5{agent=0-2 target=4-5 trigger=2-3}" {
		t.Errorf("attack FindAll = %s", got)
	}

	// Errors from several files are all reported, with the directory in the name.
	_, err = LoadDir(os.DirFS("testdata"), "bad")
	if err == nil {
		t.Fatal("LoadDir(bad) succeeded")
	}
	for _, want := range []string{"bad/yaml_syntax.yaml:4: ", "bad/unknown_kind.yaml:4: ", "bad/empty.yaml:1: "} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("LoadDir(bad) error lacks %q", want)
		}
	}

	_, err = LoadDir(os.DirFS("testdata"), "dup")
	if want := `dup/b.yaml:6: duplicate rule name "same" (first defined at dup/a.yaml:2)`; err == nil || err.Error() != want {
		t.Errorf("LoadDir(dup) = %v, want %s", err, want)
	}

	empty := fstest.MapFS{"rules/README.md": {Data: []byte("no rules")}, "rules/.#a.yaml": {Data: []byte("rules: [")}}
	if _, err := LoadDir(empty, "rules"); err == nil || err.Error() != "load rules from rules: no rule files (*.yaml)" {
		t.Errorf("LoadDir(empty) = %v", err)
	}
	if _, err := LoadDir(empty, "missing"); err == nil || !strings.HasPrefix(err.Error(), "load rules from missing: ") {
		t.Errorf("LoadDir(missing) = %v", err)
	}
}

func TestMerge(t *testing.T) {
	mk := func(file string, names ...string) *RuleSet {
		s := &RuleSet{}
		for _, n := range names {
			r, err := NewRule(Rule{Name: n, File: file, Pattern: `"` + n + `"`, Emit: Emit{Kind: KindMention, Type: "MISC"}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			s.Rules = append(s.Rules, r)
		}
		return s
	}
	builtin := mk("builtin", "a", "b", "c")
	user := mk("user", "b", "d")
	m := Merge(builtin, nil, user)
	var got []string
	for _, r := range m.Rules {
		got = append(got, r.File+":"+r.Name)
	}
	if want := []string{"builtin:a", "user:b", "builtin:c", "user:d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Merge = %q, want %q", got, want)
	}
	if len(builtin.Rules) != 3 || builtin.Rules[1].File != "builtin" {
		t.Errorf("Merge modified its input")
	}
}

func TestRuleSetFindAllOrder(t *testing.T) {
	src := `rules:
  - name: low
    priority: 1
    pattern: '(?<p><PERSON>)'
    emit: {kind: mention, type: PERSON, args: {name: p}}
  - name: high
    priority: 9
    pattern: '(?<p><PERSON>) [lemma=say]'
    emit: {kind: quote, args: {speaker: p}}
  - name: same_as_low
    priority: 1
    pattern: '[ent=PERSON]'
    emit: {kind: mention, type: PERSON}
`
	set, err := ParseFile("order.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	toks := sent(`Ajit|ent=PERSON Doval|ent=PERSON said|lemma=say that|pos=IN Modi|ent=PERSON agreed`)
	var got []string
	for _, m := range set.FindAll(toks) {
		got = append(got, m.Rule.Name+"@"+show([]Match{{Start: m.Start, End: m.End}}))
	}
	want := []string{"high@0-3", "low@0-2", "same_as_low@0-1", "same_as_low@1-2", "low@4-5", "same_as_low@4-5"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindAll order = %q\nwant %q", got, want)
	}
}

func TestNewRuleErrors(t *testing.T) {
	tests := []struct {
		rule Rule
		want string
	}{
		{Rule{Name: "p", Pattern: `[x=1]`, Emit: Emit{Kind: KindMention}}, `rule "p": pattern: col 2: unknown attribute "x" (known: word, lower, lemma, pos (tag), chunk, ent (entity), gaz, mention)`},
		{Rule{Name: "k", Pattern: `"a"`, Emit: Emit{Kind: "claim"}}, `rule "k": emit: unknown kind "claim" (want one of relation, event, quote, attribution, modality, mention)`},
		{Rule{Name: "c", Pattern: `(?<a>"a")`, Emit: Emit{Kind: KindRelation, Args: map[string]string{"subject": "b"}}}, `rule "c": emit: args: subject refers to capture "b", which the pattern does not define (captures: a)`},
		{Rule{Name: "f", Pattern: `"a"`, Emit: Emit{Kind: KindEvent, Confidence: 1.5}}, `rule "f": emit: confidence 1.5 outside (0, 1]`},
	}
	for _, tt := range tests {
		if _, err := NewRule(tt.rule, nil); err == nil || err.Error() != tt.want {
			t.Errorf("NewRule(%s) = %v, want %s", tt.rule.Name, err, tt.want)
		}
	}
}
