"""Feedback and rumour reports from residents: taking them, receipt codes, the thread, retention."""
