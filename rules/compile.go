package rules

import (
	"fmt"
	"sync"
)

// opcode is the kind of one program instruction.
type opcode uint8

const (
	opToken  opcode = iota // consume one token satisfying test, go to out
	opSplit                // go to out (preferred) and out1
	opJmp                  // go to out
	opSave                 // record the position in capture slot arg, go to out
	opAssert               // go to out if assertion arg holds here
	opMatch                // the pattern has matched
)

// inst is one instruction of a compiled pattern.
type inst struct {
	op   opcode
	out  int
	out1 int
	arg  int
	test test
}

// program is a compiled pattern: an NFA as a list of instructions, run by
// the Pike VM in vm.go. It is immutable and safe for concurrent use.
type program struct {
	insts []inst
	start int
	// names holds capture names; capture k uses slots 2k and 2k+1.
	names []string
	// preds lists, for each pc, the non-consuming instructions that lead
	// to it; the liveness pass walks them backwards.
	preds [][]int32
	// consumersTo lists, for each pc, the opToken instructions whose
	// successor it is.
	consumersTo [][]int32
	// required holds token tests that every match contains; a sentence
	// without a token passing each of them cannot match (a prefilter).
	required []test
	pool     sync.Pool
}

// compiler turns an AST into a program.
type compiler struct {
	insts []inst
	names map[string]int
	order []string
	err   error
}

// compile builds the program for n.
func compile(n *node) (*program, error) {
	c := &compiler{names: map[string]int{}}
	c.emit(n)
	c.add(inst{op: opMatch})
	if c.err != nil {
		return nil, c.err
	}
	p := &program{insts: c.insts, names: c.order, required: requiredTests(n, nil)}
	p.preds = make([][]int32, len(p.insts))
	p.consumersTo = make([][]int32, len(p.insts))
	for pc, in := range p.insts {
		switch in.op {
		case opToken:
			p.consumersTo[in.out] = append(p.consumersTo[in.out], int32(pc))
		case opSplit:
			p.preds[in.out] = append(p.preds[in.out], int32(pc))
			p.preds[in.out1] = append(p.preds[in.out1], int32(pc))
		case opJmp, opSave, opAssert:
			p.preds[in.out] = append(p.preds[in.out], int32(pc))
		}
	}
	return p, nil
}

// add appends an instruction and returns its pc.
func (c *compiler) add(in inst) int {
	if len(c.insts) >= maxInsts {
		if c.err == nil {
			c.err = fmt.Errorf("pattern too large: more than %d instructions after expanding repeats and macros", maxInsts)
		}
		// Keep appending into a fixed slot so pcs stay valid; the program is discarded.
		c.insts = c.insts[:maxInsts-1]
	}
	c.insts = append(c.insts, in)
	return len(c.insts) - 1
}

// pc is the next instruction's index.
func (c *compiler) pc() int { return len(c.insts) }

// emit appends code for n; control leaves it at the next instruction.
func (c *compiler) emit(n *node) {
	if c.err != nil {
		return
	}
	switch n.kind {
	case nToken:
		c.add(inst{op: opToken, test: n.test, out: c.pc() + 1})
	case nAssert:
		c.add(inst{op: opAssert, arg: int(n.assert), out: c.pc() + 1})
	case nSeq:
		for _, s := range n.subs {
			c.emit(s)
		}
	case nCapture:
		k, ok := c.names[n.name]
		if !ok {
			k = len(c.order)
			c.names[n.name] = k
			c.order = append(c.order, n.name)
		}
		c.add(inst{op: opSave, arg: 2 * k, out: c.pc() + 1})
		c.emit(n.subs[0])
		c.add(inst{op: opSave, arg: 2*k + 1, out: c.pc() + 1})
	case nAlt:
		var jumps []int
		for i, s := range n.subs {
			if i == len(n.subs)-1 {
				c.emit(s)
				break
			}
			split := c.add(inst{op: opSplit, out: c.pc() + 1})
			c.emit(s)
			jumps = append(jumps, c.add(inst{op: opJmp}))
			c.patch1(split, c.pc())
		}
		for _, j := range jumps {
			c.patch(j, c.pc())
		}
	case nRepeat:
		c.emitRepeat(n)
	}
}

// emitRepeat appends code for sub{min,max}, greedy or lazy.
func (c *compiler) emitRepeat(n *node) {
	sub := n.subs[0]
	switch {
	case n.max == -1 && n.min == 0 && nullable(sub):
		// (sub+)? gives the priority order of backtracking engines when an
		// iteration can be empty: an empty iteration ends the loop
		// (as RE2 and Go do, golang.org/issue/46123).
		split := c.add(inst{op: opSplit})
		c.emitRepeat(&node{kind: nRepeat, subs: n.subs, min: 1, max: -1, lazy: n.lazy})
		c.branch(split, split+1, c.pc(), n.lazy)
	case n.max == -1 && n.min == 0:
		// L: split body, end; body; jmp L; end:
		split := c.add(inst{op: opSplit})
		c.emit(sub)
		c.add(inst{op: opJmp, out: split})
		c.branch(split, split+1, c.pc(), n.lazy)
	case n.max == -1:
		for i := 0; i < n.min-1; i++ {
			c.emit(sub)
		}
		// L: body; split L, end; end:
		body := c.pc()
		c.emit(sub)
		split := c.add(inst{op: opSplit})
		c.branch(split, body, c.pc(), n.lazy)
	default:
		for i := 0; i < n.min; i++ {
			c.emit(sub)
		}
		var splits []int
		for i := n.min; i < n.max; i++ {
			splits = append(splits, c.add(inst{op: opSplit}))
			c.emit(sub)
		}
		for _, s := range splits {
			c.branch(s, s+1, c.pc(), n.lazy)
		}
	}
}

// branch sets a split to prefer more (greedy) or less (lazy).
func (c *compiler) branch(split, more, less int, lazy bool) {
	if c.err != nil {
		return
	}
	if lazy {
		more, less = less, more
	}
	c.insts[split].out = more
	c.insts[split].out1 = less
}

func (c *compiler) patch(pc, to int) {
	if c.err == nil {
		c.insts[pc].out = to
	}
}

func (c *compiler) patch1(pc, to int) {
	if c.err == nil {
		c.insts[pc].out1 = to
	}
}

// maxRequired bounds the prefilter's tests per pattern.
const maxRequired = 6

// requiredTests appends to out the token tests every match of n must
// contain, up to maxRequired.
func requiredTests(n *node, out []test) []test {
	if len(out) >= maxRequired {
		return out
	}
	switch n.kind {
	case nToken:
		if _, ok := n.test.(anyTest); !ok {
			out = append(out, n.test)
		}
	case nSeq:
		for _, s := range n.subs {
			out = requiredTests(s, out)
		}
	case nCapture:
		out = requiredTests(n.subs[0], out)
	case nRepeat:
		if n.min > 0 {
			out = requiredTests(n.subs[0], out)
		}
	}
	return out
}
