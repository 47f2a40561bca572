from django import template

from kronika.feeds.xml import xml_text

register = template.Library()
register.filter("xml_text", xml_text, is_safe=True)
