package catalog

type User struct {
	ID   string
	Name string
}

type Users []User

// Every empty form of a slice declaration is flagged.
func varForm(users []User) []string {
	var ids []string // want "SL003: ids starts empty .* range over users.*make\\(\\[\\]string, 0, len\\(users\\)\\)"
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

func emptyLiteral(users []User) []string {
	names := []string{} // want "SL003: make\\(\\[\\]string, 0, len\\(users\\)\\)"
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func nilConversion(users []User) []string {
	names := []string(nil) // want "SL003: make\\(\\[\\]string, 0, len\\(users\\)\\)"
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func makeZero(users []User) []string {
	names := make([]string, 0) // want "SL003: make\\(\\[\\]string, 0, len\\(users\\)\\)"
	for _, u := range users {
		names = append(names, u.Name)
	}
	return names
}

func varWithValue(users []User) []*User {
	var ptrs = []*User{} // want "SL003: make\\(\\[\\]\\*User, 0, len\\(users\\)\\)"
	for i := range users {
		ptrs = append(ptrs, &users[i])
	}
	return ptrs
}

func namedSliceType(users []User) Users {
	var out Users // want "SL003: make\\(Users, 0, len\\(users\\)\\)"
	for _, u := range users {
		out = append(out, u)
	}
	return out
}

func namedNil(users []User) Users {
	out := Users(nil) // want "SL003: make\\(Users, 0, len\\(users\\)\\)"
	for _, u := range users {
		out = append(out, u)
	}
	return out
}

func grouped(users []User) ([]string, []string) {
	var (
		ids   []string // want "SL003: ids starts empty"
		names []string // want "SL003: names starts empty"
	)
	for _, u := range users {
		ids = append(ids, u.ID)
		names = append(names, u.Name)
	}
	return ids, names
}

// Comments and unrelated statements between the declaration and the loop are fine.
func unrelatedBetween(users []User, log func(string)) []string {
	var ids []string // want "SL003"
	// Collect the IDs.
	log("collecting")
	total := len(users)
	_ = total
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

// Not flagged: the slice does not start empty.
func nonEmptyLiteral(users []User) []string {
	ids := []string{"admin"}
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

func alreadySized(users []User) []string {
	ids := make([]string, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

func withLength(users []User) []string {
	ids := make([]string, 1)
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

func fromElsewhere(users []User, ids []string) []string {
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

// An append between the declaration and the loop adds to the capacity.
func usedBetween(users []User, admin string) []string {
	var ids []string // want "SL003: make\\(\\[\\]string, 0, len\\(users\\)\\+1\\) \\(the appends before and after the loop included\\)"
	ids = append(ids, admin)
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

func capturedBetween(users []User, register func(func() int)) []string {
	var ids []string
	register(func() int { return len(ids) })
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

func resetBetween(users []User, reset bool) []string {
	var ids []string
	if reset {
		ids = nil
	}
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

// Not flagged: the loop is not the statement after the declaration's block.
func loopInsideIf(users []User, enabled bool) []string {
	var ids []string
	if enabled {
		for _, u := range users {
			ids = append(ids, u.ID)
		}
	}
	return ids
}

// A field or a string that merely shares the name is not a use.
type report struct{ ids []string }

func fieldSharesName(users []User, r *report) []string {
	var ids []string // want "SL003"
	r.ids = nil
	println("ids")
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

// One declaration, two slices: each finding stands at its own name.
func splitParity(xs []int) ([]int, []int) {
	var evens, odds []int // want "SL003: evens" "SL003: odds"
	for _, x := range xs {
		evens = append(evens, x)
		odds = append(odds, x)
	}
	return evens, odds
}
