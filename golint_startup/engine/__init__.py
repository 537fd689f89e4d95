"""The pipeline every run goes through, one module per step:

patterns → files (`discovery`) → parse trees and per-file findings and facts (`analysis`,
in worker processes: `parallel`; cached: `cache`) → whole-run rules (`runner`) →
suppression and SL900 (`suppression`) → baseline (`baseline`, with `fingerprint`) →
reporters (`golint_startup.reporters`). `config` turns the config file and the command
line into the run's `Settings`; `worktree` finds the repository root that code scanning
resolves paths against.
"""
