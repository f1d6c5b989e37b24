"""Secrets stored as a setting's name and its value in two fields, as orchestrators write an
environment: Kubernetes' `- name: DB_PASSWORD` / `value: …`, ECS' `{"name": "API_TOKEN", "value":
"…"}`, Helm's and Terraform's `set { name = "adminUser.password" value = "…" }`. The keyword rules
read a value after its key; here the key is the value of "name" and the secret is the value of
"value", on the next line or in the same object, and both were missed (the sets written blind in the
thirty-eighth pass: "- name: MYSQL_PWD / value: r00t-WP-db-!882").

`named_values` gives the span of each such value whose name ends in a credential's word
(`PASSWORD`, `PWD`, `PASS`, `SECRET`, `TOKEN`, `API_KEY`, `PRIVATE_KEY`, `CREDENTIALS`), not a
setting about one (`PASSWORD_MIN_LENGTH`, `TOKEN_TTL`: the word is not last), nor a value read at
run time (`valueFrom:`, `${…}`, `<…>`, `var.db_pass`), masked (`xxxx9f1c`) or a placeholder
(`changeme`)."""

from __future__ import annotations

import re

from ._code_names import placeholder, placeholder_name

_CREDENTIAL_END = re.compile(
    r"(?i:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|credentials?|passphrase)$"
)
# a name's field, then up to two lines or the rest of its object, then the value's field
_NAME_VALUE = re.compile(
    r"""(?P<q>["']?)name(?P=q)[ \t]*[:=][ \t]*["']?(?P<name>[A-Za-z_][\w.-]{1,80})["']?[ \t]*,?[ \t]*"""
    r"""(?:\r?\n[ \t]*(?:-[ \t]+)?|[ \t]*)"""
    r"""(?P<q2>["']?)value(?P=q2)[ \t]*[:=][ \t]*(?P<open>["']?)(?P<value>[^\s"',}]{4,200})"""
)


# an unquoted reference to another value (Terraform's `var.airflow_db_pass`, `random_password.x.result`)
_REFERENCE = re.compile(r"[A-Za-z_]\w*(?:\.[\w-]+|\[[^\]]*\])+")


# a login's name: `<env name="DB_USERNAME" value="ci_runner"/>` of phpunit.xml, `- name: PGUSER`
LOGIN_END = re.compile(r"(?i:user(?:name)?|login|usr)$")


def named_values(text: str, ends: re.Pattern[str] = _CREDENTIAL_END) -> list[tuple[int, int]]:
    """The spans of the secrets (or, with `LOGIN_END`, the logins) stored under a credential's name
    (see above)."""
    if "value" not in text or "name" not in text:
        return []
    out = []
    for m in _NAME_VALUE.finditer(text):
        value = m.group("value")
        if (
            ends.search(m.group("name"))
            and not value.startswith(("${", "<", "{{", "$(", "xxxx", "****", "••••"))
            and not (not m.group("open") and _REFERENCE.fullmatch(value))  # `var.db_pass`
            and not placeholder(value)
            and not placeholder_name(value)
        ):
            out.append(m.span("value"))
    return out
