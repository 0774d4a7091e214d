"""Mediator-assisted submissions: feedback residents gave orally or on paper, entered with consent."""
