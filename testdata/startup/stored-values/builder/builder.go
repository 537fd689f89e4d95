// A generic builder whose methods keep a function for later: in
// `New[T]().Named("x").WithRules(f)` the receiver of WithRules is a method's result, whose
// type the file does not tell; the method is named like the module's own methods.
package builder

type Rules func(in []string) []string

type Builder[T any] struct{ rules Rules }

func New[T any]() Builder[T] { return Builder[T]{} }

func (b Builder[T]) Named(name string) Builder[T] { return b }

func (b Builder[T]) WithRules(r Rules) Builder[T] { b.rules = r; return b }

// Apply calls the function it is given: a value passed to it runs where it is passed.
func (b Builder[T]) Apply(r Rules) Builder[T] { _ = r(nil); return b }
