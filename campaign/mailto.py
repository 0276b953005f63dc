"""mailto: links that open the writer's own email program with the letter already in it."""

from urllib.parse import quote


def mailto_link(to, subject, body):
    """RFC 6068: percent-encode everything, with line breaks as %0D%0A."""
    encoded_body = quote(body.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return f"mailto:{quote(to or '', safe='@')}?subject={quote(subject, safe='')}&body={encoded_body}"
