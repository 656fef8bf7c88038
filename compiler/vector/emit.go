package vector

// emitter turns the optimized DAG into prologue and block code.
type emitter struct {
	b      *builder
	l      *lowerer
	live   []bool
	p      *Program
	accs   map[*target]accum
	result int32
	ureg   map[int32]int32
}

// uniforms assigns uniform registers and emits the prologue.
func (e *emitter) uniforms() {
	e.ureg = map[int32]int32{}
	for id := range e.b.nodes {
		nd := &e.b.nodes[id]
		if !e.live[id] || !nd.uniform {
			continue
		}
		r := int32(len(e.p.Uniform))
		e.ureg[int32(id)] = r
		e.p.Uniform = append(e.p.Uniform, 0)
		switch nd.op {
		case OpConst:
			e.p.Uniform[r] = nd.val
		case OpScalar:
			e.p.Prologue = append(e.p.Prologue, Instr{Op: OpScalar, Dst: r, Slot: nd.slot})
		default:
			in := Instr{Op: nd.op, N: nd.n, Dst: r, Slot: nd.slot, Mode: 0xf}
			for j := 0; j < int(nd.n); j++ {
				in.Args[j] = e.ureg[nd.args[j]]
			}
			e.p.Prologue = append(e.p.Prologue, in)
		}
	}
	for _, t := range e.l.targets {
		if t.sym.Kind == Scalar {
			e.p.Epilogue = append(e.p.Epilogue, Instr{Op: OpStoreScalar, N: 1, Slot: int32(t.sym.Slot), Mode: 1,
				Args: [MaxArgs]int32{e.ureg[t.value]}})
		}
	}
}

// vinstr is an instruction over virtual registers (node ids, or ids
// beyond the nodes for copies); uniform operands are already final.
type vinstr struct {
	Instr
	vdst  int32 // virtual destination, -1 for none
	vargs [MaxArgs]int32
}

// block emits the block code: contiguous (Run) or indexed (RunIndices).
func (e *emitter) block(contiguous bool) Code {
	b := e.b
	nv := int32(len(b.nodes))
	bound := map[int32]int32{} // virtual reg -> Bind index
	var bind, splats []int32
	splatIdx := map[int32]int32{}
	bindTo := func(v, slot int32) {
		bound[v] = int32(len(bind))
		bind = append(bind, slot)
	}
	operand := func(in *vinstr, j int, a int32) {
		if r, ok := e.ureg[a]; ok {
			in.Mode |= 1 << j
			in.Args[j] = r
			in.vargs[j] = -1
			if in.Op < NumKernelOps && OpTable[in.Op].Wide != nil {
				k, seen := splatIdx[r]
				if !seen {
					k = int32(len(splats))
					splatIdx[r] = k
					splats = append(splats, r)
				}
				in.Args[j] = k
			}
		} else {
			in.vargs[j] = a
		}
	}
	var pre, body, post []vinstr
	// Stores whose value is a plain array read copy it first, before any
	// store can overwrite that array.
	storeSrc := map[*target]int32{}
	if contiguous {
		for _, t := range e.l.targets {
			if t.sym.Kind == Scalar {
				continue
			}
			v := t.value
			if a, ok := e.accs[t]; ok {
				v = a.x
			}
			if b.nodes[v].op == OpLoad {
				in := vinstr{Instr: Instr{Op: OpCopy, N: 1}, vdst: nv}
				operand(&in, 0, v)
				pre = append(pre, in)
				storeSrc[t] = nv
				nv++
			}
		}
	}
	for id := int32(0); id < int32(len(b.nodes)); id++ {
		nd := &b.nodes[id]
		if !e.live[id] || nd.uniform || nd.dead {
			continue
		}
		if nd.op == OpLoad && contiguous {
			bindTo(id, nd.slot)
			continue
		}
		in := vinstr{Instr: Instr{Op: nd.op, N: nd.n, Slot: nd.slot, Index: nd.index, Val: nd.val}, vdst: id}
		for j := 0; j < int(nd.n); j++ {
			operand(&in, j, nd.args[j])
		}
		body = append(body, in)
	}
	storeOf := map[*target]int{} // index into post
	for _, t := range e.l.targets {
		var in vinstr
		v := t.value
		switch t.sym.Kind {
		case Scalar:
			continue
		case Array:
			in = vinstr{Instr: Instr{Op: OpStore, N: 1, Slot: int32(t.sym.Slot)}, vdst: -1}
		case IndexedArray:
			in = vinstr{Instr: Instr{Op: OpStoreIdx, N: 1, Slot: int32(t.sym.Slot), Index: int32(t.sym.Index)}, vdst: -1}
			if a, ok := e.accs[t]; ok {
				in.Op, in.Aux, v = OpAccIdx, a.op, a.x
			}
		}
		if s, ok := storeSrc[t]; ok {
			v = s
		}
		operand(&in, 0, v)
		storeOf[t] = len(post)
		post = append(post, in)
	}
	if e.result >= 0 {
		in := vinstr{Instr: Instr{Op: OpStore, N: 1, Slot: -1}, vdst: -1}
		operand(&in, 0, e.result)
		post = append(post, in)
	}
	all := append(append(append([]vinstr{}, pre...), body...), post...)

	// Destination binding: the final value of an array can be computed
	// straight into the array when no later instruction reads the old
	// values (through the load's alias).
	removed := map[int]bool{}
	if contiguous {
		lastAlias := map[int32]int{} // slot -> last position reading its alias
		defPos := map[int32]int{}
		scan := func() {
			clear(lastAlias)
			clear(defPos)
			for pos, in := range all {
				if in.vdst >= 0 {
					defPos[in.vdst] = pos
				}
				for j := 0; j < int(in.N); j++ {
					if a, ok := e.aliasRead(in, j); ok {
						lastAlias[a] = pos
					}
				}
			}
		}
		scan()
		targetSlot := map[int32]bool{}
		for _, t := range e.l.targets {
			if t.sym.Kind == Array {
				targetSlot[int32(t.sym.Slot)] = true
			}
		}
		boundSlot := map[int32]bool{}
		// later moves the instruction at dp (in the body) to just after
		// the one at last, so that its result can be written in place,
		// when nothing in between reads the result or writes an array the
		// instruction reads, and the arrays it reads are its own target
		// or already written (so no other in-place write is prevented).
		later := func(dp, last int, slot int32) bool {
			lo, hi := len(pre), len(pre)+len(body)
			if dp < lo || last >= hi {
				return false
			}
			x := all[dp]
			for j := 0; j < int(x.N); j++ {
				if a, ok := e.aliasRead(x, j); ok && a != slot && targetSlot[a] && !boundSlot[a] {
					return false
				}
			}
			for k := dp + 1; k <= last; k++ {
				y := all[k]
				for j := 0; j < int(y.N); j++ {
					if y.Mode&(1<<j) == 0 && y.vargs[j] == x.vdst {
						return false
					}
				}
				if bi, ok := bound[y.vdst]; ok && y.vdst >= 0 {
					for j := 0; j < int(x.N); j++ {
						if a, ok := e.aliasRead(x, j); ok && a == bind[bi] {
							return false
						}
					}
				}
			}
			copy(all[dp:last], all[dp+1:last+1])
			all[last] = x
			scan()
			return true
		}
		tryBind := func(k int, slot int32) {
			in := &all[len(pre)+len(body)+k]
			v := in.vargs[0]
			if v < 0 || in.Mode&1 != 0 {
				return
			}
			if _, ok := bound[v]; ok {
				return
			}
			dp, ok := defPos[v]
			if !ok {
				return
			}
			if last, ok := lastAlias[slot]; ok && slot >= 0 && last > dp && !later(dp, last, slot) {
				return
			}
			bindTo(v, slot)
			boundSlot[slot] = true
			removed[len(pre)+len(body)+k] = true
		}
		for _, t := range e.l.targets {
			if t.sym.Kind == Array {
				tryBind(storeOf[t], int32(t.sym.Slot))
			}
		}
		if e.result >= 0 {
			tryBind(len(post)-1, -1)
		}
	}
	var code []vinstr
	for i, in := range all {
		if !removed[i] {
			code = append(code, in)
		}
	}
	c := allocate(code, bound, bind)
	c.Splats = splats
	return c
}

// allocate maps virtual registers to scratch registers, reusing a
// register once its value is dead (so blocks stay in cache).
func allocate(code []vinstr, bound map[int32]int32, bind []int32) Code {
	lastUse := map[int32]int{}
	for pos, in := range code {
		for j := 0; j < MaxArgs; j++ {
			if in.Mode&(1<<j) == 0 && in.vargs[j] >= 0 && j < nargs(in) {
				lastUse[in.vargs[j]] = pos
			}
		}
	}
	phys := map[int32]int32{}
	var free []int32
	numRegs := int32(0)
	for pos := range code {
		in := &code[pos]
		n := nargs(*in)
		release := func() {
			for j := 0; j < n; j++ {
				a := in.vargs[j]
				if in.Mode&(1<<j) != 0 || a < 0 {
					continue
				}
				if _, isBound := bound[a]; isBound {
					continue
				}
				if lastUse[a] == pos {
					if r, ok := phys[a]; ok {
						free = append(free, r)
						delete(phys, a)
						lastUse[a] = -1
					}
				}
			}
		}
		// Element-wise kernels may write over an operand they read.
		inPlace := in.Op < NumKernelOps || in.Op == OpCopy
		for j := 0; j < n; j++ {
			if in.Mode&(1<<j) == 0 && in.vargs[j] >= 0 {
				in.Args[j] = regOf(in.vargs[j], phys, bound)
			}
		}
		if inPlace {
			release()
		}
		if in.vdst >= 0 {
			if _, isBound := bound[in.vdst]; !isBound {
				var r int32
				if len(free) > 0 {
					r = free[len(free)-1]
					free = free[:len(free)-1]
				} else {
					r = numRegs
					numRegs++
				}
				phys[in.vdst] = r
			}
			in.Dst = regOf(in.vdst, phys, bound)
		}
		if !inPlace {
			release()
		}
	}
	c := Code{NumRegs: int(numRegs), Bind: bind}
	for _, in := range code {
		ins := in.Instr
		for j := 0; j < MaxArgs; j++ {
			if ins.Mode&(1<<j) == 0 && in.vargs[j] >= 0 && j < nargs(in) {
				ins.Args[j] = fixReg(ins.Args[j], numRegs)
			}
		}
		if in.vdst >= 0 {
			ins.Dst = fixReg(ins.Dst, numRegs)
		}
		c.Instrs = append(c.Instrs, ins)
	}
	return c
}

func nargs(in vinstr) int { return int(in.N) }

// regOf returns a temporary register number: scratch >= 0, bound
// registers encoded as -1-bindIndex until the scratch count is known.
func regOf(v int32, phys map[int32]int32, bound map[int32]int32) int32 {
	if bi, ok := bound[v]; ok {
		return -1 - bi
	}
	return phys[v]
}

func fixReg(r, numRegs int32) int32 {
	if r < 0 {
		return numRegs + (-1 - r)
	}
	return r
}

// aliasRead reports the array slot whose alias (a contiguous load)
// operand j of in reads.
func (e *emitter) aliasRead(in vinstr, j int) (int32, bool) {
	a := in.vargs[j]
	if a >= 0 && a < int32(len(e.b.nodes)) && e.b.nodes[a].op == OpLoad && in.Mode&(1<<j) == 0 {
		return e.b.nodes[a].slot, true
	}
	return 0, false
}
