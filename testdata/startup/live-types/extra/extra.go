// A modifier whose value only a setup step two calls away from main creates.
package extra

import "example.com/livetypes/helpers"

type Extra struct{}

func (e *Extra) Modify(header map[string]string) error {
	_ = helpers.Grow(header)
	return nil
}
