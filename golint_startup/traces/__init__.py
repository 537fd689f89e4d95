"""Runtime traces: parsing `GODEBUG=inittrace=1,gctrace=1` output (`parse`) and the init
table and GC timeline shown by `--measure` and `--trace` (`report`)."""
