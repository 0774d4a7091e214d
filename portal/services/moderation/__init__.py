"""Moderation: the queue, the states of an item, redaction, links and the rumour tracker."""
