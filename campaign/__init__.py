"""The campaign: the register proposal, survivor stories, MP lookup and letters."""
