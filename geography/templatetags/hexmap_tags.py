"""`{% hexmap map id=… caption=… table_url=… %}`: draws a geography.hexmap.HexMap (components/hexmap.html)."""

import re

from django import template

from geography.hexmap import HEX_PATH

register = template.Library()


@register.inclusion_tag("components/hexmap.html")
def hexmap(map, id, caption, table_url="", table_text="See every constituency as a table"):
    """`id`: a short name for the map, unique on the page (letters and digits): the stem of its ids."""
    if not re.fullmatch(r"[a-z][a-z0-9]*", id):
        raise ValueError(f"hexmap id {id!r}: use lower-case letters and digits")
    return {
        "map": map,
        "id": id,
        "caption": caption,
        "table_url": table_url,
        "table_text": table_text,
        "hex_path": HEX_PATH,
    }
