"""The demo content as data: the pages, blocks and snippets each demo module loads."""
