// Segments of an archive, read through an interface of their own.
package archive

type Segment interface {
	Start() uint64
	Count() uint64
}

type file struct{ first, n uint64 }

func (f file) Start() uint64 { return f.first }
func (f file) Count() uint64 { return f.n }

func Open(first uint64) Segment { return file{first: first, n: 8192} }

// Covers tells whether a segment holds block `number`.
func Covers(s Segment, number uint64) bool {
	return number >= s.Start() && number < s.Start()+s.Count()
}

// A Task starts work of the caller's.
type Task interface{ Start() error }

func Run(t Task) error { return t.Start() }
