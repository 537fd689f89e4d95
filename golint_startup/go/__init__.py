"""The Go toolkit: what rules know about Go source, each concept in one place.

- `gofile`: one parsed file (`GoFile`), its imports, directives and build constraint;
- `modules`: go.mod, go.work and where an import path lives on disk;
- `buildtags`: `//go:build` expressions.
"""
