"""`{% frontpage_section shown %}`: one front-page section (`alliance.core.frontpage`) rendered inside the page's
own context (the request's context processors are not run again), with the section's context on top."""

from django import template

from alliance.core.frontpage import Shown

register = template.Library()


@register.simple_tag(takes_context=True)
def frontpage_section(context, shown: Shown) -> str:
    section_template = context.template.engine.get_template(shown.template)
    with context.push(section_key=shown.key, **shown.context):
        return section_template.render(context)
