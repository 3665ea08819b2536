package tag

import "testing"

func TestMeanLinear(t *testing.T) {
	classes := []string{"A", "B"}
	train := func(truth, guess int) *Linear {
		tr := NewLinearTrainer(classes, 4)
		tr.Tick()
		tr.Update([]uint64{3}, truth, guess)
		tr.Tick()
		return tr.Average()
	}
	a, b := train(0, 1), train(1, 0) // opposite weights for feature 3
	mean, err := MeanLinear([]*Linear{a, a, b})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		l    *Linear
		want int // class with the higher score
	}{{"a", a, 0}, {"b", b, 1}, {"mean of a, a, b", mean, 0}}
	for _, tt := range tests {
		s := make([]int32, 2)
		tt.l.Score([]uint64{3}, s)
		if s[tt.want] <= s[1-tt.want] {
			t.Errorf("%s: scores %v, want class %d ahead", tt.name, s, tt.want)
		}
	}
	// Adding scores on top of a fixed part equals scoring all at once.
	all, part := make([]int32, 2), make([]int32, 2)
	mean.Score([]uint64{3, 5}, all)
	mean.Score([]uint64{3}, part)
	mean.AddScores([]uint64{5}, part)
	if all[0] != part[0] || all[1] != part[1] {
		t.Errorf("Score = %v, Score then AddScores = %v", all, part)
	}
	if _, err := MeanLinear([]*Linear{a, NewLinearTrainer(classes, 5).Average()}); err == nil {
		t.Error("mean of models of different sizes: no error")
	}
}
