package rules

import (
	"reflect"
	"testing"
)

func TestParseClaim(t *testing.T) {
	tests := []struct {
		in   string
		want Claim
		str  string
	}{
		{"leader_of(Masood Azhar, Jaish-e-Mohammed)", Claim{Type: "leader_of", Args: []string{"Masood Azhar", "Jaish-e-Mohammed"}}, ""},
		{"  !member_of( _ ,Lashkar-e-Taiba )", Claim{Negated: true, Type: "member_of", Args: []string{"_", "Lashkar-e-Taiba"}}, "!member_of(_, Lashkar-e-Taiba)"},
		{`quote(Imran Khan, "we will respond, firmly (and soon)")`, Claim{Type: "quote", Args: []string{"Imran Khan", "we will respond, firmly (and soon)"}}, ""},
		{`said("A \"B\"", C)`, Claim{Type: "said", Args: []string{`A "B"`, "C"}}, ""},
		{"event.attack()", Claim{Type: "event.attack"}, ""},
		{"modality(hedged)", Claim{Type: "modality", Args: []string{"hedged"}}, ""},
	}
	for _, tt := range tests {
		got, err := ParseClaim(tt.in)
		if err != nil {
			t.Errorf("ParseClaim(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseClaim(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
		str := tt.str
		if str == "" {
			str = tt.in
		}
		if got.String() != str {
			t.Errorf("String() = %q, want %q", got.String(), str)
		}
		back, err := ParseClaim(got.String())
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Errorf("round trip of %q: %#v, %v", got.String(), back, err)
		}
	}
}

func TestParseClaimErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"leader_of", `claim "leader_of": want type(arg, …)`},
		{"leader_of(A, B", `claim "leader_of(A, B": want type(arg, …)`},
		{"(A, B)", `claim "(A, B)": bad type "": want letters, digits, _ . : -`},
		{"leader of(A, B)", `claim "leader of(A, B)": bad type "leader of": want letters, digits, _ . : -`},
		{"r(A,, B)", `claim "r(A,, B)": empty argument 2`},
		{"r(A, )", `claim "r(A, )": empty argument 2`},
		{`r("A, B)`, `claim "r(\"A, B)": unterminated quoted argument`},
		{`r("A" x, B)`, `claim "r(\"A\" x, B)": text after quoted argument "A"`},
		{`r(f(x), B)`, `claim "r(f(x), B)": argument "f(x)" needs double quotes`},
	}
	for _, tt := range tests {
		_, err := ParseClaim(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseClaim(%q) = %v, want %s", tt.in, err, tt.want)
		}
	}
}

func TestClaimMatches(t *testing.T) {
	c, _ := ParseClaim("!leader_of(_, Jaish-e-Mohammed)")
	tests := []struct {
		typ  string
		args []string
		want bool
	}{
		{"leader_of", []string{"Masood Azhar", "Jaish-e-Mohammed"}, true},
		{"leader_of", []string{"Masood Azhar", "jaish-e-mohammed "}, true},
		{"leader_of", []string{"Masood Azhar", "Lashkar-e-Taiba"}, false},
		{"member_of", []string{"Masood Azhar", "Jaish-e-Mohammed"}, false},
		{"leader_of", []string{"Jaish-e-Mohammed"}, false},
	}
	for _, tt := range tests {
		if got := c.Matches(tt.typ, tt.args); got != tt.want {
			t.Errorf("Matches(%s, %q) = %v, want %v", tt.typ, tt.args, got, tt.want)
		}
	}
	d, _ := ParseClaim("leader_of(Masood  Azhar, JeM)")
	if !d.Matches("leader_of", []string{"masood azhar", "JeM"}) {
		t.Error("Matches should ignore case and runs of spaces")
	}
}
