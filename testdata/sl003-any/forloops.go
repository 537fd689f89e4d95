package catalog

func counted(n int) []int {
	var squares []int // want "SL003: for loop.*make\\(\\[\\]int, 0, n\\)"
	for i := 0; i < n; i++ {
		squares = append(squares, i*i)
	}
	return squares
}

func fromOffset(lo, hi int) []int {
	var ids []int // want "SL003: make\\(\\[\\]int, 0, hi-lo\\)"
	for i := lo; i < hi; i++ {
		ids = append(ids, i)
	}
	return ids
}

func inclusive(n int) []int {
	var ids []int // want "SL003: make\\(\\[\\]int, 0, n\\+1\\)"
	for i := 0; i <= n; i++ {
		ids = append(ids, i)
	}
	return ids
}

func constantBounds() []int {
	var ids []int // want "SL003: make\\(\\[\\]int, 0, 7\\)"
	for i := 1; i < 8; i += 1 {
		ids = append(ids, i)
	}
	return ids
}

func overLen(users []User) []string {
	var ids []string // want "SL003: make\\(\\[\\]string, 0, len\\(users\\)\\)"
	for i := 0; i < len(users); i++ {
		ids = append(ids, users[i].ID)
	}
	return ids
}

func twoPerIteration(n int) []int {
	var pairs []int // want "SL003: make\\(\\[\\]int, 0, 2\\*n\\)"
	for i := 0; i < n; i++ {
		pairs = append(pairs, i, -i)
	}
	return pairs
}

func twoStatements(lo, hi int) []int {
	var pairs []int // want "SL003: make\\(\\[\\]int, 0, 2\\*\\(hi-lo\\)\\)"
	for i := lo; i < hi; i++ {
		pairs = append(pairs, i)
		pairs = append(pairs, -i)
	}
	return pairs
}

// Not flagged: the count is not fixed before the loop.
func stepTwo(n int) []int {
	var evens []int
	for i := 0; i < n; i += 2 {
		evens = append(evens, i)
	}
	return evens
}

func boundChanges(n int) []int {
	var ids []int
	for i := 0; i < n; i++ {
		ids = append(ids, i)
		n--
	}
	return ids
}

func counterChanges(n int) []int {
	var ids []int
	for i := 0; i < n; i++ {
		ids = append(ids, i)
		i++
	}
	return ids
}

func boundCalls(q *Queue) []int {
	var ids []int
	for i := 0; i < q.Len(); i++ {
		ids = append(ids, i)
	}
	return ids
}

func whileLoop(more func() bool) []int {
	var ids []int
	for more() {
		ids = append(ids, 1)
	}
	return ids
}

func countdown(n int) []int {
	var ids []int
	for i := n; i > 0; i-- {
		ids = append(ids, i)
	}
	return ids
}
