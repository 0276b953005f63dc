"""Bidirectional control characters taken out of text people type, so none can reverse what staff read."""

import re

# Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the left-to-right and right-to-left
# marks (U+200E, U+200F) and the Arabic letter mark (U+061C). They are invisible; a right-to-left override
# in a name shows everything after it backwards, in the admin, in an export and in the emails it is pasted in.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def without_bidi_controls(text):
    return BIDI_CONTROLS.sub("", text) if text else text
