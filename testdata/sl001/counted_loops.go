package counted

var blockSizes, levels, countdown, steps, powers, grid, big, spin, away, moved []int

const maxLevel = 1 << 12

// Counted loops between constants run as often as the clause says: under
// min-literal-elements (256) in all, their appends are not reported.
func init() {
	for bs := 128 << 10; bs <= 16<<20; bs *= 2 { // 8 block sizes
		blockSizes = append(blockSizes, bs)
	}
	for n := maxLevel; n > 0; n >>= 1 { // 13
		levels = append(levels, n)
	}
	for i := 10; i > 0; i-- {
		countdown = append(countdown, i)
	}
	for i := 0; i != 12; i += 3 { // 4
		steps = append(steps, i)
	}
	for p := 1; p < 1<<62; p *= 2 { // 62
		powers = append(powers, p)
	}
	for n := 1000; 0 < n; n /= 10 { // 4, the bound written first
		powers = append(powers, n)
	}
}

// Above the threshold, or with no count the clause can give, they are.
func init() {
	for i := 1; i < 1<<20; i++ {
		big = append(big, i) // want `SL001: append inside a loop in func init \(big, 1048575 iterations\)`
	}
	for i := 0; i < 16; i++ {
		for j := 1; j < 1<<20; j <<= 1 {
			grid = append(grid, i*j) // want `SL001: append inside a loop in func init \(grid, 320 iterations\)`
		}
	}
	for i := 0; i < 1<<20; i *= 2 { // 0 doubled stays 0: it never ends
		spin = append(spin, i) // no count: unknown, not reported
	}
	for i := 0; i < 10; i-- { // moves away from its bound
		away = append(away, i) // no count: unknown, not reported
	}
	for i := 0; i != 10; i += 3 { // steps over its bound
		away = append(away, i) // no count: unknown, not reported
	}
	for i := 0; i < 10; i++ {
		moved = append(moved, i) // no count: unknown, not reported
		i -= 2 // the body moves the counter: the clause's count is not the loop's
	}
}
