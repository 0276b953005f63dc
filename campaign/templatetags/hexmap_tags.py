"""`{% hexmap map id=… caption=… table_url=… %}`: draws a campaign.hexmap.HexMap (components/hexmap.html)."""

from django import template

from campaign.hexmap import HEX_PATH

register = template.Library()


@register.inclusion_tag("components/hexmap.html")
def hexmap(map, id, caption, table_url="", table_text="See every constituency as a table"):
    return {
        "map": map,
        "id": id,
        "caption": caption,
        "table_url": table_url,
        "table_text": table_text,
        "hex_path": HEX_PATH,
    }
