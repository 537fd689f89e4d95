"""The built-in rule catalog: one module per rule."""
