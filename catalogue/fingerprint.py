"""Fingerprints of page contexts: equal fingerprints mean equal inputs, so the previous output can be kept.

A fingerprint is a digest of the pickled value, so it covers every value a
template could reach from the context. Pickling runs without its memo, so
equal values give equal bytes however the objects happen to be shared. The
model links challenges and their cases both ways; a challenge and its cases
are fingerprinted together once, as one family, and the family's digest
stands for each of them wherever they appear: a case page changes when its
challenge's title does, and the other way round.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from typing import Any

from catalogue.model import Case, Challenge

_SHARED = 8  # containers longer than this are often shared between pages (a term's cases): digested once


class Fingerprints:
    """Fingerprints values; each family, and each long list or dict, is digested once per build."""

    def __init__(self) -> None:
        self._families: dict[int, str] = {}
        self._containers: dict[int, tuple[object, str]] = {}  # the object is held so that its id stays its own

    def of(self, value: Any) -> str:
        return _digest(self._plain(value))

    def _plain(self, value: Any) -> Any:
        """The value with challenges and cases replaced by their family's digest."""
        if isinstance(value, str | int | float | bool | type(None)):
            return value
        if isinstance(value, Challenge):
            return self._family(value)
        if isinstance(value, Case):
            return self._family(value.challenge) if value.challenge is not None else self._lone(value)
        if isinstance(value, list | tuple | dict) and len(value) > _SHARED:
            known = self._containers.get(id(value))
            if known is None:
                known = self._containers[id(value)] = (value, "shared:" + _digest(self._walk(value)))
            return known[1]
        return self._walk(value)

    def _walk(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [type(value).__name__, *map(self._plain, value)]
        if isinstance(value, dict):
            return {key: self._plain(item) for key, item in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = {f.name: self._plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return type(value).__qualname__, fields
        return value  # dates, paths, sets of text: pickled as they are

    def _family(self, challenge: Challenge) -> str:
        """A challenge with its cases, each case without its link back; none of them holds another challenge."""
        known = self._families.get(id(challenge))
        if known is None:
            cases = [dict(vars(case), challenge=None) for case in challenge.cases]
            family = dict(vars(challenge), cases=cases)
            known = self._families[id(challenge)] = "family:" + _digest(family)
        return known

    def _lone(self, case: Case) -> str:
        known = self._families.get(id(case))
        if known is None:
            known = self._families[id(case)] = "case:" + _digest(vars(case))
        return known


def _digest(value: Any) -> str:
    """A digest of the pickled value, hashed as the pickler writes it: a whole catalogue is never held as bytes."""
    hashed = hashlib.blake2b(digest_size=16)
    pickler = pickle.Pickler(_Hashing(hashed), protocol=5)
    pickler.fast = True  # no memo: the bytes depend on the values only, not on which objects are shared
    pickler.dump(value)
    return hashed.hexdigest()


class _Hashing:
    """A file that hashes what is written to it."""

    def __init__(self, hashed: Any) -> None:
        self.write = hashed.update
