package catalog

type store struct {
	Names []string
}

// A case clause holds its statements directly, with no block around them: a slice
// declared there is looked at as in any block.
func databases(kind string, s store) []string {
	switch kind {
	case "file":
		paths := []string{} // want "SL003: paths starts empty .* range over s.Names.*make\\(\\[\\]string, 0, len\\(s.Names\\)\\+1\\)"
		paths = append(paths, "main.db")
		for _, name := range s.Names {
			paths = append(paths, name+".db")
		}
		return paths
	case "memory", "none":
		return nil
	default:
		var keys []string // want "SL003: keys starts empty .*make\\(\\[\\]string, 0, len\\(s.Names\\)\\+1\\)"
		for _, name := range s.Names {
			keys = append(keys, name)
		}
		keys = append(keys, "default")
		return keys
	}
}

func byType(v any, s store) []string {
	switch t := v.(type) {
	case store:
		out := make([]string, 0) // want "SL003: out starts empty .*make\\(\\[\\]string, 0, len\\(t.Names\\)\\)"
		for _, name := range t.Names {
			out = append(out, name)
		}
		return out
	}
	return nil
}

func received(c chan store) []string {
	select {
	case got := <-c:
		var upper []string // want "SL003: upper starts empty .*make\\(\\[\\]string, 0, len\\(got.Names\\)\\)"
		for _, name := range got.Names {
			upper = append(upper, name)
		}
		return upper
	default:
		return nil
	}
}

// The communication of a case is not a statement of its list: the slice it receives is
// not declared empty there.
func receivedSlice(c chan []string, s store) []string {
	select {
	case list := <-c:
		for _, name := range s.Names {
			list = append(list, name)
		}
		return list
	}
	return nil
}

// A case clause's values that mention the slice are not its declaration either.
func caseValue(names []string, s store) []string {
	switch len(names) {
	case 0:
		for _, name := range s.Names {
			names = append(names, name)
		}
	}
	return names
}
