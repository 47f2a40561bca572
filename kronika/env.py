"""Typed readers for environment variables.

Settings fail loudly at start-up on a value they cannot understand, rather than
running with a silently wrong configuration.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}

_UNSET = object()


def _raw(name: str, default: object) -> str | object:
    value = os.environ.get(name)
    if value is None:
        if default is _UNSET:
            raise ImproperlyConfigured(f"The environment variable {name} is required.")
        return default
    return value.strip()


def env_str(name: str, default: str | object = _UNSET) -> str:
    return _raw(name, default)  # type: ignore[return-value]


def env_bool(name: str, default: bool | object = _UNSET) -> bool:
    value = _raw(name, default)
    if isinstance(value, bool):
        return value
    lowered = str(value).lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be a boolean (1/0, true/false, yes/no), got {value!r}."
    )


def env_int(name: str, default: int | object = _UNSET, *, minimum: int | None = None) -> int:
    value = _raw(name, default)
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {number}.")
    return number


def env_list(name: str, default: list[str] | object = _UNSET) -> list[str]:
    value = _raw(name, default)
    if isinstance(value, list):
        return value
    return [item.strip() for item in str(value).split(",") if item.strip()]


def env_choice(name: str, choices: tuple[str, ...], default: str | object = _UNSET) -> str:
    value = str(_raw(name, default)).lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, got {value!r}.")
    return value


def env_names(
    name: str, choices: tuple[str, ...], default: list[str] | object = _UNSET
) -> list[str]:
    """A comma-separated list of names, each one of `choices`; a misspelt name is refused."""
    names = [item.lower() for item in env_list(name, default)]
    unknown = [item for item in names if item not in choices]
    if unknown:
        raise ImproperlyConfigured(
            f"{name} may name only {', '.join(choices)}; got {', '.join(map(repr, unknown))}."
        )
    return names


def env_languages(name: str, default: list[str] | object = _UNSET) -> list[str]:
    """Language codes Django knows, comma-separated, the first the default; at least one."""
    from django.conf.locale import LANG_INFO

    codes = list(dict.fromkeys(item.lower() for item in env_list(name, default)))
    unknown = [code for code in codes if "name" not in LANG_INFO.get(code, {})]
    if unknown:
        raise ImproperlyConfigured(
            f"{name} may name only languages Django knows, such as en, lt, lv, et or ru; "
            f"got {', '.join(map(repr, unknown))}."
        )
    if not codes:
        raise ImproperlyConfigured(f"{name} must name at least one language.")
    return codes
