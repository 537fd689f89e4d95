package catalog

import "strings"

// Not flagged: the append is conditional.
func conditional(users []User) []string {
	var admins []string
	for _, u := range users {
		if strings.HasPrefix(u.Name, "admin") {
			admins = append(admins, u.ID)
		}
	}
	return admins
}

func inSwitch(users []User) []string {
	var ids []string
	for _, u := range users {
		switch u.Name {
		case "":
		default:
			ids = append(ids, u.ID)
		}
	}
	return ids
}

func inSelect(users []User, stop chan struct{}) []string {
	var ids []string
	for _, u := range users {
		select {
		case <-stop:
		default:
			ids = append(ids, u.ID)
		}
	}
	return ids
}

// Not flagged: a jump can skip the append.
func withContinue(users []User) []string {
	var ids []string
	for _, u := range users {
		if u.ID == "" {
			continue
		}
		ids = append(ids, u.ID)
	}
	return ids
}

func withBreak(users []User) []string {
	var ids []string
	for _, u := range users {
		ids = append(ids, u.ID)
		if len(ids) == 10 {
			break
		}
	}
	return ids
}

func withReturn(users []User) ([]string, error) {
	var ids []string
	for _, u := range users {
		if u.ID == "" {
			return nil, errEmpty
		}
		ids = append(ids, u.ID)
	}
	return ids, nil
}

func withGoto(users []User) []string {
	var ids []string
	for _, u := range users {
		if u.ID == "" {
			goto done
		}
		ids = append(ids, u.ID)
	}
done:
	return ids
}

func labeledContinue(groups [][]User) []string {
	var ids []string
outer:
	for _, g := range groups {
		for _, u := range g {
			if u.ID == "" {
				continue outer
			}
		}
		ids = append(ids, g[0].ID)
	}
	return ids
}

// Jumps that stay inside the body, or leave a closure, do not skip the append.
func breakInSwitch(users []User) []string {
	var ids []string // want "SL003"
	for _, u := range users {
		switch u.Name {
		case "root":
			break
		}
		ids = append(ids, u.ID)
	}
	return ids
}

func innerLoopJumps(groups [][]User) []int {
	var sizes []int // want "SL003"
	for _, g := range groups {
		n := 0
		for _, u := range g {
			if u.ID == "" {
				continue
			}
			if n > 100 {
				break
			}
			n++
		}
		sizes = append(sizes, n)
	}
	return sizes
}

func returnInClosure(users []User) []func() string {
	var getters []func() string // want "SL003"
	for _, u := range users {
		getters = append(getters, func() string { return u.ID })
	}
	return getters
}

func labeledInner(groups [][]User) []int {
	var counts []int // want "SL003"
	for _, g := range groups {
		n := 0
	scan:
		for _, u := range g {
			if u.ID == "" {
				break scan
			}
			n++
		}
		counts = append(counts, n)
	}
	return counts
}

// A further conditional append keeps the loop count a lower bound: still flagged.
func extraConditional(users []User) []string {
	var ids []string // want "SL003"
	for _, u := range users {
		ids = append(ids, u.ID)
		if u.Name != "" {
			ids = append(ids, u.Name)
		}
	}
	return ids
}

// Not flagged: spread appends add an unknown number of elements.
func spread(groups [][]User) []User {
	var all []User
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

// Not flagged: the slice is reset or shadowed in the body.
func resetInBody(users []User) []string {
	var batch []string
	for _, u := range users {
		batch = append(batch, u.ID)
		if len(batch) == 100 {
			flush(batch)
			batch = batch[:0]
		}
	}
	return batch
}

func shadowedInBody(users []User) []string {
	var ids []string
	for _, u := range users {
		ids := []string{}
		ids = append(ids, u.ID)
		_ = ids
	}
	return ids
}

// Not flagged: ranging over the slice itself.
func selfRange(ids []string) []string {
	var out []string
	for _, id := range out {
		out = append(out, id)
	}
	return out
}

// Not flagged outside functions.
var packageLevel []string
