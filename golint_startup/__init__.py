"""startup-lint: a static analyzer for Go startup code."""

__version__ = "0.1.0"
INFORMATION_URI = "https://github.com/startup-lint/startup-lint"
