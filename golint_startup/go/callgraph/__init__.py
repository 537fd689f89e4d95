"""A syntactic call graph of Go modules, in three parts:

- `facts`: per-file facts (functions and their events, types, variables) as plain records,
  computed in worker processes and cached;
- `graph`: `ModuleGraph`, joining the facts of a group of modules and resolving targets;
- `completion`: `complete`, filling in on demand the events of files a path may run through.
"""
