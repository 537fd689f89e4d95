module example.com/sl009

go 1.22

require example.com/heavydep v1.0.0 // want "SL009: ^package example.com/heavydep/tables \\(module example.com/heavydep v1.0.0\\) allocates 4.0 MiB in [0-9]+ allocations? and takes [0-9.]+ ms during init"

// A local stand-in for a third-party module, so the fixture builds offline.
replace example.com/heavydep => ./_deps/heavydep
