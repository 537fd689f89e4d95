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

var flagNames [256]string
var rows [][]int

// A slice declared afresh in an outer loop's body starts empty on each of its iterations: it
// grows over the loops inside its declaration only (8 here, under the threshold), whatever
// the outer loop repeats.
func init() {
	bits := []struct {
		bit  uint8
		name string
	}{{1, "FIN"}, {2, "SYN"}, {4, "RST"}, {8, "PSH"}, {16, "ACK"}, {32, "URG"}, {64, "ECE"}, {128, "CWR"}}
	for i := 0; i < 256; i++ {
		var parts []string
		for _, b := range bits {
			if uint8(i)&b.bit != 0 {
				parts = append(parts, b.name)
			}
		}
		flagNames[i] = parts[0]
	}
	// Declared outside the outer loop: it grows over both.
	var all []string
	for i := 0; i < 256; i++ {
		for _, b := range bits {
			all = append(all, b.name) // want `SL001: append inside a loop in func init \(all, 2048 iterations\)`
		}
	}
	for i := 0; i < 512; i++ {
		row := []int{}
		for j := 0; j < 512; j++ {
			row = append(row, j) // want `SL001: append inside a loop in func init \(row, 512 iterations\)`
		}
		rows = append(rows, row) // want `SL001: append inside a loop in func init \(rows, 512 iterations\)`
	}
}
