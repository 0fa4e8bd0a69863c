"""Fingerprints of page contexts: equal fingerprints mean equal inputs, so the previous output can be kept.

A fingerprint is a digest of the pickled value, so it covers every value a
template could reach from the context. Pickling runs without its memo, so
equal values give equal bytes however the objects happen to be shared. The
model links challenges and their cases both ways; a challenge and its cases
are fingerprinted together once, as one family, and stand for each other
wherever they appear: a case page changes when its challenge's title does,
and the other way round.
"""

from __future__ import annotations

import io
import pickle
from typing import Any

from catalogue.cache import digest
from catalogue.model import Case, Challenge


class Fingerprints:
    """Fingerprints values; each challenge family is fingerprinted once."""

    def __init__(self) -> None:
        self._families: dict[int, str] = {}

    def of(self, value: Any) -> str:
        return digest(self._pickled(value, None))

    def _pickled(self, value: Any, root: Challenge | None) -> bytes:
        buffer = io.BytesIO()
        _Pickler(buffer, self, root).dump(value)
        return buffer.getvalue()

    def family(self, challenge: Challenge) -> str:
        known = self._families.get(id(challenge))
        if known is None:
            fields = dict(vars(challenge))
            known = self._families[id(challenge)] = "family:" + digest(self._pickled(fields, challenge))
        return known


class _Pickler(pickle.Pickler):
    """Pickles a value with challenges and their cases standing as their family's fingerprint.

    Inside the family of `root`, its cases are pickled whole and their link back to `root` as a mark.
    """

    def __init__(self, file: io.BytesIO, prints: Fingerprints, root: Challenge | None) -> None:
        super().__init__(file, protocol=5)
        self.fast = True  # no memo: the bytes depend on the values only
        self.prints = prints
        self.root = root

    def persistent_id(self, obj: Any) -> str | None:
        if self.root is not None and obj is self.root:
            return "root"
        if isinstance(obj, Challenge):
            return self.prints.family(obj)
        if isinstance(obj, Case) and obj.challenge is not None and obj.challenge is not self.root:
            return self.prints.family(obj.challenge)
        return None
