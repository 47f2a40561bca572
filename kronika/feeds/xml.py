"""Text that XML can hold: XML 1.0 has no place for most control characters."""

import re

NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    """`value` without the characters XML cannot hold, in strings, lists and dicts alike."""
    if isinstance(value, str):
        return NOT_IN_XML.sub("", value)
    if isinstance(value, dict):
        return {key: xml_text(inner) for key, inner in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(xml_text(inner) for inner in value)
    return value
