import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template import Context, NodeList
from django.template.base import FilterExpression, Parser, Token
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from mindwell.core import antispam, robots
from mindwell.core.formatting import compact_number
from mindwell.core.pagecache import members as memberpages
from mindwell.core.pagecache import placeholder
from mindwell.core.submissions import SUBMISSION_FIELD

register = template.Library()


@register.filter
def compact(value: int) -> str:
    return compact_number(int(value or 0))


# As Django's json_script does: no "<", ">" or "&" in the JSON, so no text in it can close
# the script element or open a comment, and the element stays a data block.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


@register.filter
def json_ld(value: Any) -> SafeString:
    """{{ data|json_ld }}: a `<script type="application/ld+json">` data block (never run, so
    a Content-Security-Policy without inline scripts allows it); nothing for None."""
    if value is None:
        return mark_safe("")
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag(takes_context=True)
def robots_meta(context: Context, noindex: Any = False) -> SafeString:
    """`<meta name="robots" content="noindex">` when this page is kept out of search engines
    (core.robots), or when `noindex` is true (a question its asker kept out)."""
    return robots.robots_meta(context.get("request"), noindex=bool(noindex))


@register.simple_tag(takes_context=True)
def submission_field(context: Context) -> str:
    """The field naming this sending of the form (core.submissions): this response's masked
    CSRF token (on a stored page, the placeholder the page cache fills per response)."""
    token = conditional_escape(str(context.get("csrf_token") or ""))
    return mark_safe(f'<input type="text" name="{SUBMISSION_FIELD}" value="{token}" hidden>')


@register.simple_tag(takes_context=True)
def spam_guard(context: Context, form: Any = None) -> str:
    """The honeypot and fill-time stamp of a public form (core.antispam). The honeypot is
    out of sight, out of the tab order and hidden from screen readers; its label tells
    anyone who meets it anyway to leave it empty. On a page being stored, the stamp is the
    placeholder the page cache fills per response."""
    token = context.get("csrf_token")
    # type(), not isinstance(): a real token is a lazy object, and asking it its class
    # would make the token.
    stored = type(token) is str and token == placeholder()
    stamp = conditional_escape(antispam.stamp_for(form, stored=stored))
    return mark_safe(
        '<div class="form-trap" aria-hidden="true"><label>Leave this field empty '
        f'<input type="text" name="{antispam.HONEYPOT_FIELD}" value="" tabindex="-1" '
        'autocomplete="off"></label></div>'
        f'<input type="hidden" name="{antispam.STAMP_FIELD}" value="{stamp}">'
    )


@register.filter
def problems(form: Any) -> list[dict[str, str]]:
    """Every message of a form, in the order of its fields (those about no one field first),
    each with the id of the field it is about: what the error summary lists and counts."""
    found = [{"id": "", "label": "", "message": str(error)} for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            found.append({"id": field.auto_id, "label": field.label, "message": str(error)})
    return found


# Personal parts of shared pages (mindwell/core/pagecache/members.py) ------------------------------


class PersonalNode(template.Node):
    def __init__(self, kind: str, key: FilterExpression, nodelist: NodeList) -> None:
        self.kind = memberpages.KINDS[kind]
        self.kind_name = kind
        self.key = key
        self.nodelist = nodelist

    def render(self, context: Context) -> str:
        key = self.key.resolve(context)
        recorder = memberpages.recorder_for(context)
        if recorder is None:
            with context.push({self.kind.variable: self.kind.for_render(context, key)}):
                return self.nodelist.render(context)
        variants: dict[Any, str] = {}
        for value in self.kind.values:
            with context.push({self.kind.variable: value}):
                variants[value] = self.nodelist.render(context)
        if memberpages.MARKER_START in "".join(variants.values()):
            raise template.TemplateSyntaxError("A personal block cannot hold another one.")
        return recorder.slot(memberpages.Choice(self.kind_name, key, variants))


@register.tag
def personal(parser: Parser, token: Token) -> PersonalNode:
    """{% personal KIND KEY %}...{% endpersonal %}: a part that differs per member; the body
    reads the kind's variable (`allowed` for a permission, `my_vote` for "vote")."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] not in memberpages.KINDS:
        kinds = ", ".join(memberpages.KINDS)
        raise template.TemplateSyntaxError(
            f"Use {{% personal KIND KEY %}} with KIND one of {kinds}."
        )
    nodelist = parser.parse(("endpersonal",))
    parser.delete_first_token()
    return PersonalNode(bits[1], parser.compile_filter(bits[2]), nodelist)


@register.simple_tag(takes_context=True)
def personal_include(context: Context, template_name: str, **values: Any) -> str:
    """Include a template that is rendered afresh for every member (account links, messages).
    It sees `user`, `request`, `messages`, `csrf_token` and the values given here."""
    recorder = memberpages.recorder_for(context)
    if recorder is None:
        with context.push(values):
            return context.template.engine.get_template(template_name).render(context)  # type: ignore[union-attr]
    return recorder.slot(memberpages.Live(template_name, values))
