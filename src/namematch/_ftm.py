"""Persons from FollowTheMoney entities, as OpenSanctions publishes them (private; used by
:meth:`namematch.Registry.from_ftm`).

One JSON object per line: ``{"id": ..., "schema": "Person", "properties": {"name": [...],
"alias": [...], "weakAlias": [...], "birthDate": [...], "nationality": [...], "gender": [...],
...}}``, every property a list of strings. A ``Person`` becomes a :class:`~namematch.Person`:
its first ``name`` (else its ``caption``) is the name, the other names, ``alias``,
``weakAlias`` and the ``firstName lastName`` it gives are the aliases, and the properties
that say who the person is become attributes under namematch's keys (:data:`ATTRIBUTES`),
one value as a string, several as a list. Entities of other schemas (companies, vessels,
sanctions, addresses) are not persons: :func:`person_of_entity` returns None and the loader
counts them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from namematch.registry import Person

__all__ = ["ATTRIBUTES", "PERSON_SCHEMAS", "person_of_entity"]

#: Schemas read as persons.
PERSON_SCHEMAS: Final = frozenset({"Person"})
#: FollowTheMoney property -> attribute key (the keys ``Registry.match`` compares, and a few kept as they are).
ATTRIBUTES: Final = {
    "birthDate": "birth_date",
    "nationality": "nationality",
    "citizenship": "citizenship",
    "country": "country",
    "gender": "gender",
    "position": "role",
    "title": "title",
    "birthPlace": "birth_place",
    "deathDate": "death_date",
    "topics": "topics",
}


def _strings(value: object, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"property {what!r} must be a list of strings")
    return value


def person_of_entity(data: object) -> Person | None:
    """The person of one FollowTheMoney entity, or None when it is not a person; ValueError
    or TypeError saying what is wrong with a broken entity."""
    if not isinstance(data, Mapping):
        raise TypeError(f"an entity must be a JSON object, not {type(data).__name__}")
    schema = data.get("schema")
    if not isinstance(schema, str):
        raise ValueError("missing field: schema")
    if schema not in PERSON_SCHEMAS:
        return None
    eid = data.get("id")
    if not isinstance(eid, str) or not eid.strip():
        raise ValueError("missing field: id")
    props = data.get("properties") or {}
    if not isinstance(props, Mapping):
        raise ValueError("properties must be an object")
    names = [n.strip() for n in _strings(props.get("name"), "name") if n.strip()]
    caption = data.get("caption")
    if not names and isinstance(caption, str) and caption.strip():
        names = [caption.strip()]
    first = " ".join(x.strip() for x in _strings(props.get("firstName"), "firstName")[:1])
    last = " ".join(x.strip() for x in _strings(props.get("lastName"), "lastName")[:1])
    if first and last:
        names.append(f"{first} {last}")
    if not names:
        raise ValueError("a Person without a name (no name, caption or first and last name)")
    aliases = names[1:] + [a.strip() for key in ("alias", "weakAlias") for a in _strings(props.get(key), key)]
    attributes: dict[str, Any] = {"schema": schema}
    for prop, key in ATTRIBUTES.items():
        values = [v.strip() for v in _strings(props.get(prop), prop) if v.strip()]
        if values:
            attributes[key] = values[0] if len(values) == 1 else values
    weak = [a.strip() for a in _strings(props.get("weakAlias"), "weakAlias") if a.strip()]
    if weak:
        attributes["weak_aliases"] = weak
    return Person(eid.strip(), names[0], aliases, attributes)
