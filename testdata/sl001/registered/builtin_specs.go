// Sorted before registered.go, so its init fills the table first.
package registered

func init() {
	specs["pod"] = spec{schema: `{"type":"object"}`}
}
