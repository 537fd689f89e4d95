"""Which configuration each file gets: the nearest `.startup-lint.toml` (as ruff does).

A file uses the config file found first walking up from its own directory, stopping at
the root of the git work tree that holds it (the directory with `.git`); outside a work
tree the walk goes on to the file system's root. So pre-commit, which runs from the
repository root, honors `services/api/.startup-lint.toml` for the files below it. With
`--config` every file uses that file. Command-line options win over every config file.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Callable

from golint_startup.engine.config import CONFIG_NAME, Settings


class ConfigTree:
    """Settings per file. `build(config_path)` merges a config file with the command line."""

    def __init__(self, build: Callable[[str | None], Settings], explicit: Settings | None = None):
        self._build = build
        self._explicit = explicit
        self._by_path: dict[str | None, Settings] = {}
        self._config_of_dir: dict[str, str | None] = {}

    @classmethod
    def single(cls, settings: Settings) -> "ConfigTree":
        """Every file gets `settings` (--config, or a caller that builds its own Settings)."""
        return cls(lambda path: settings, explicit=settings)

    def with_build_tags(self, tags: tuple[str, ...]) -> "ConfigTree":
        """The same settings per file, each also knowing the tags the project's builds set."""
        if self._explicit is not None:
            return ConfigTree.single(replace(self._explicit, build_tags=tags))
        derived = ConfigTree(lambda path: replace(self._build(path), build_tags=tags))
        derived._config_of_dir = dict(self._config_of_dir)
        derived._by_path = {path: replace(settings, build_tags=tags) for path, settings in self._by_path.items()}
        return derived

    @property
    def per_file(self) -> bool:
        return self._explicit is None

    def settings_for(self, abspath: str) -> Settings:
        if self._explicit is not None:
            return self._explicit
        path = self.config_for_dir(os.path.dirname(abspath))
        settings = self._by_path.get(path)
        if settings is None:
            settings = self._by_path[path] = self._build(path)
        return settings

    def all_settings(self) -> list[Settings]:
        """Every Settings handed out so far (one per config file), in a stable order."""
        if self._explicit is not None:
            return [self._explicit]
        return [self._by_path[path] for path in sorted(self._by_path, key=lambda p: p or "")]

    def config_for_dir(self, directory: str) -> str | None:
        """The nearest config file at or above `directory`, up to the work tree's root."""
        visited = []
        found: str | None = None
        while True:
            if directory in self._config_of_dir:
                found = self._config_of_dir[directory]
                break
            visited.append(directory)
            candidate = os.path.join(directory, CONFIG_NAME)
            if os.path.isfile(candidate):
                found = candidate
                break
            parent = os.path.dirname(directory)
            if parent == directory or os.path.exists(os.path.join(directory, ".git")):
                break
            directory = parent
        for seen in visited:
            self._config_of_dir[seen] = found
        return found
