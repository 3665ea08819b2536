package events

import (
	"math/rand"
	"testing"
)

func TestWordClassNumbers(t *testing.T) {
	for _, w := range []string{"1,200", "30", "7.5", "81-mm"} {
		want := "<num>"
		if w == "81-mm" {
			want = w
		}
		if got := wordClass(w); got != want {
			t.Errorf("wordClass(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestKmeansSeparatesGroups(t *testing.T) {
	// two tight groups of unit vectors around two orthogonal axes.
	var vecs [][]float64
	for i := range 20 {
		e := 0.01 * float64(i%5)
		if i%2 == 0 {
			vecs = append(vecs, []float64{1 - e, e})
		} else {
			vecs = append(vecs, []float64{e, 1 - e})
		}
	}
	a := kmeans(vecs, 2, rand.New(rand.NewSource(1)))
	for i := range vecs {
		if (a[i] == a[0]) != (i%2 == 0) {
			t.Fatalf("vector %d in class %d, vector 0 in %d", i, a[i], a[0])
		}
	}
}
