package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// Wildcard is the claim argument that stands for any value ("_").
const Wildcard = "_"

// Claim is an expected claim of an example: type(arg, arg, …), negated
// when it must not be extracted.
type Claim struct {
	// Negated is true for "!type(…)": the claim must not be extracted.
	Negated bool
	// Type is the claim type: a relation type (leader_of), an event type,
	// quote, attribution …
	Type string
	// Args are the arguments in order; "_" (Wildcard) matches anything.
	Args []string
}

// ParseClaim parses an expectation such as
//
//	leader_of(Masood Azhar, Jaish-e-Mohammed)
//	!member_of(_, Lashkar-e-Taiba)
//	quote(Imran Khan, "we will respond, firmly")
//
// Arguments are trimmed; an argument holding a comma or a parenthesis is
// written in double quotes (Go string syntax).
func ParseClaim(s string) (Claim, error) {
	var c Claim
	rest := strings.TrimSpace(s)
	if strings.HasPrefix(rest, "!") {
		c.Negated = true
		rest = strings.TrimSpace(rest[1:])
	}
	open := strings.IndexByte(rest, '(')
	if open < 0 || !strings.HasSuffix(rest, ")") {
		return Claim{}, fmt.Errorf("claim %q: want type(arg, …)", s)
	}
	c.Type = strings.TrimSpace(rest[:open])
	if !isClaimType(c.Type) {
		return Claim{}, fmt.Errorf("claim %q: bad type %q: want letters, digits, _ . : -", s, c.Type)
	}
	body := rest[open+1 : len(rest)-1]
	if strings.TrimSpace(body) == "" {
		return c, nil
	}
	for i := 0; ; {
		for i < len(body) && body[i] == ' ' {
			i++
		}
		var arg string
		if i < len(body) && body[i] == '"' {
			q, err := strconv.QuotedPrefix(body[i:])
			if err != nil {
				return Claim{}, fmt.Errorf("claim %q: unterminated quoted argument", s)
			}
			arg, _ = strconv.Unquote(q)
			i += len(q)
			for i < len(body) && body[i] == ' ' {
				i++
			}
			if i < len(body) && body[i] != ',' {
				return Claim{}, fmt.Errorf("claim %q: text after quoted argument %s", s, q)
			}
		} else {
			j := strings.IndexByte(body[i:], ',')
			if j < 0 {
				j = len(body) - i
			}
			arg = strings.TrimSpace(body[i : i+j])
			if strings.ContainsAny(arg, "()\"") {
				return Claim{}, fmt.Errorf("claim %q: argument %q needs double quotes", s, arg)
			}
			if arg == "" {
				return Claim{}, fmt.Errorf("claim %q: empty argument %d", s, len(c.Args)+1)
			}
			i += j
		}
		c.Args = append(c.Args, arg)
		if i >= len(body) {
			return c, nil
		}
		i++ // the comma
		if strings.TrimSpace(body[i:]) == "" {
			return Claim{}, fmt.Errorf("claim %q: empty argument %d", s, len(c.Args)+1)
		}
	}
}

// isClaimType reports whether s can name a claim type.
func isClaimType(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isIdent(c) && c != '.' && c != ':' && c != '-' {
			return false
		}
	}
	return true
}

// String writes c back in the syntax ParseClaim reads.
func (c Claim) String() string {
	var b strings.Builder
	if c.Negated {
		b.WriteByte('!')
	}
	b.WriteString(c.Type)
	b.WriteByte('(')
	for i, a := range c.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		if strings.ContainsAny(a, ",()\"") || a != strings.TrimSpace(a) {
			a = strconv.Quote(a)
		}
		b.WriteString(a)
	}
	b.WriteByte(')')
	return b.String()
}

// Matches reports whether an extracted claim of type typ with args
// satisfies c's pattern, ignoring c.Negated: same type, same number of
// arguments, each equal ignoring case and runs of white space, or c's
// argument is "_".
func (c Claim) Matches(typ string, args []string) bool {
	if c.Type != typ || len(c.Args) != len(args) {
		return false
	}
	for i, a := range c.Args {
		if a != Wildcard && !strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(args[i]), " ")) {
			return false
		}
	}
	return true
}
