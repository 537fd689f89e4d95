"""One way to read the words of a name, for manifests' file names, containers and Go functions."""

import pytest

from golint_startup.words import words


@pytest.mark.parametrize("name, expected", [
    ("newDevLogger", ["new", "dev", "logger"]),
    ("NewHTTPMock", ["new", "http", "mock"]),
    ("operator-webhook", ["operator", "webhook"]),
    ("proxy_webhooks", ["proxy", "webhooks"]),
    ("deploy.e2e", ["deploy", "e2e"]),
    ("pod-k3s-test-xavier", ["pod", "k3s", "test", "xavier"]),
    ("HTTP2Server", ["http", "2", "server"]),
    ("stdevLogger", ["stdev", "logger"]),
    ("deploy-E2E", ["deploy", "e2e"]),
    ("API_SERVER", ["api", "server"]),
])
def test_words_split_at_separators_and_camel_case(name, expected):
    assert words(name) == expected
