"""Memory sizes as Kubernetes and the Go runtime write them.

Two syntaxes, two parsers, because they disagree: Kubernetes reads `512Mi`, `1G`, `1.5Gi`,
`1e9`; Go's `GOMEMLIMIT` reads only `^[0-9]+(([KMGT]i)?B)?$` (or `off`) and the runtime
exits at startup on anything else, so `GOMEMLIMIT=512Mi` is fatal, not a synonym.
"""

from __future__ import annotations

import re
from fractions import Fraction

# k8s.io/apimachinery/pkg/api/resource: <signedNumber><suffix>, the suffix one of the
# binary SI units, the decimal SI units (m for milli, "" for none) or an exponent.
_K8S = re.compile(r"^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))"
                  r"(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$")
_BINARY = {"Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6}
_DECIMAL = {"m": -1, "k": 1, "M": 2, "G": 3, "T": 4, "P": 5, "E": 6}

# runtime.parseByteCount (src/runtime/string.go).
_GO = re.compile(r"^([0-9]+)(?:([KMGT]i)?B)?$")
_GO_POWERS = {None: 0, "Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4}
_MAX_INT64 = 2**63 - 1


class QuantityError(ValueError):
    """A value the consumer (the API server or the Go runtime) would reject; str() says why."""


def kubernetes_bytes(text: str) -> Fraction:
    """A Kubernetes memory quantity in bytes (exact; `1m` is a thousandth of a byte)."""
    match = _K8S.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise QuantityError(f"{text!r} is not a Kubernetes quantity (such as 512Mi, 1G, 1.5Gi, 1e9)")
    number, suffix = Fraction(match.group(1)), match.group(2)
    if suffix in _BINARY:
        return number * 1024 ** _BINARY[suffix]
    if suffix in _DECIMAL:
        return number * Fraction(1000) ** _DECIMAL[suffix]
    if suffix:  # an exponent
        return number * Fraction(10) ** int(suffix[1:])
    return number


def go_memory_limit(text: str) -> int | None:
    """`GOMEMLIMIT` in bytes as the Go runtime reads it; None for `off` or empty (no limit)."""
    if text in ("", "off"):
        return None
    match = _GO.match(text)
    if not match:
        hint = ""
        if _K8S.match(text):
            hint = " (Go wants B, KiB, MiB, GiB or TiB after a whole number, as in 512MiB)"
        raise QuantityError(f"{text!r} is not valid GOMEMLIMIT syntax{hint}; the Go runtime "
                            "stops at startup with 'malformed GOMEMLIMIT'")
    value = int(match.group(1)) * 1024 ** _GO_POWERS[match.group(2)]
    if value > _MAX_INT64:
        raise QuantityError(f"{text!r} overflows GOMEMLIMIT (at most 2^63-1 bytes); the Go runtime "
                            "stops at startup with 'malformed GOMEMLIMIT'")
    return value


def go_gc_off(text: str) -> bool:
    """Whether `GOGC` turns the collector off: exactly `off`, or a negative integer."""
    if text == "off":
        return True
    return bool(re.fullmatch(r"-[0-9]+", text)) and int(text) < 0 and int(text) >= -(2**31)


def go_memory_limit_text(size: Fraction | int) -> str:
    """A byte count rounded down to a value GOMEMLIMIT accepts, for advice: 460MiB, 1000B."""
    size = int(size)
    return f"{size // 1024**2}MiB" if size >= 1024**2 else f"{size}B"


def memory_bytes(text: str) -> int:
    """A memory size in either syntax (`512Mi`, `1.5Gi`, `1e9`, `512MiB`), as a user gives
    a container's limit on the command line; whole bytes, positive. Raises QuantityError."""
    try:
        size = go_memory_limit(text.strip()) or 0
    except QuantityError:
        try:
            size = int(kubernetes_bytes(text))
        except QuantityError:
            raise QuantityError(f"{text!r} is not a memory size (such as 512Mi, 1.5Gi, 1e9 or 512MiB)") from None
    if size <= 0:
        raise QuantityError(f"{text!r}: a memory limit must be at least one byte")
    return size
